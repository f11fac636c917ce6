<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<core:CityModel xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:app="http://www.opengis.net/citygml/appearance/1.0" xmlns:core="http://www.opengis.net/citygml/1.0" xmlns:tex="http://www.opengis.net/citygml/texturedsurface/1.0" xmlns:dem="http://www.opengis.net/citygml/relief/1.0" xmlns:veg="http://www.opengis.net/citygml/vegetation/1.0" xmlns:wtr="http://www.opengis.net/citygml/waterbody/1.0" xmlns:tran="http://www.opengis.net/citygml/transportation/1.0" xmlns:bldg="http://www.opengis.net/citygml/building/1.0" xmlns:frn="http://www.opengis.net/citygml/cityfurniture/1.0" xmlns:grp="http://www.opengis.net/citygml/cityobjectgroup/1.0" xmlns:gen="http://www.opengis.net/citygml/generics/1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:luse="http://www.opengis.net/citygml/landuse/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/citygml/building/1.0 http://schemas.opengis.net/citygml/building/1.0/building.xsd http://www.opengis.net/citygml/cityfurniture/1.0 http://schemas.opengis.net/citygml/cityfurniture/1.0/cityFurniture.xsd http://www.opengis.net/citygml/appearance/1.0 http://schemas.opengis.net/citygml/appearance/1.0/appearance.xsd http://www.opengis.net/citygml/cityobjectgroup/1.0 http://schemas.opengis.net/citygml/cityobjectgroup/1.0/cityObjectGroup.xsd http://www.opengis.net/citygml/generics/1.0 http://schemas.opengis.net/citygml/generics/1.0/generics.xsd http://www.opengis.net/citygml/texturedsurface/1.0 http://schemas.opengis.net/citygml/texturedsurface/1.0/texturedSurface.xsd http://www.opengis.net/citygml/relief/1.0 http://schemas.opengis.net/citygml/relief/1.0/relief.xsd http://www.opengis.net/citygml/vegetation/1.0 http://schemas.opengis.net/citygml/vegetation/1.0/vegetation.xsd http://www.opengis.net/citygml/waterbody/1.0 http://schemas.opengis.net/citygml/waterbody/1.0/waterBody.xsd http://www.opengis.net/citygml/transportation/1.0 http://schemas.opengis.net/citygml/transportation/1.0/transportation.xsd http://www.opengis.net/citygml/landuse/1.0 http://schemas.opengis.net/citygml/landuse/1.0/landUse.xsd">
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr2k">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
          <gml:lowerCorner>407004.638 5861968.125 41.292</gml:lowerCorner>
          <gml:upperCorner>407015.271 5861983.146 45.379</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000tr2k</core:name>
        </core:externalObject>
      </core:externalReference>
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleBodenhoehe">
        <gen:value>1300</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>03454033</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="AbsoluteHoehe">
        <gen:value>41.292</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>45.379</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>45.379</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">4.087</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.708 5861970.331 45.379 407004.638 5861970.078 45.379 407011.675 5861968.125 45.379 407015.271 5861981.23 45.379 407008.224 5861983.146 45.379 407006.405 5861976.515 45.379 407004.708 5861970.331 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.708 5861970.331 41.292 407006.405 5861976.515 41.292 407008.224 5861983.146 41.292 407015.271 5861981.23 41.292 407011.675 5861968.125 41.292 407004.638 5861970.078 41.292 407004.708 5861970.331 41.292</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407006.405 5861976.515 45.379 407006.405 5861976.515 41.292 407004.708 5861970.331 41.292 407004.708 5861970.331 45.379 407006.405 5861976.515 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407008.224 5861983.146 45.379 407008.224 5861983.146 41.292 407006.405 5861976.515 41.292 407006.405 5861976.515 45.379 407008.224 5861983.146 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407015.271 5861981.23 45.379 407015.271 5861981.23 41.292 407008.224 5861983.146 41.292 407008.224 5861983.146 45.379 407015.271 5861981.23 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407011.675 5861968.125 45.379 407011.675 5861968.125 41.292 407015.271 5861981.23 41.292 407015.271 5861981.23 45.379 407011.675 5861968.125 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.638 5861970.078 45.379 407004.638 5861970.078 41.292 407011.675 5861968.125 41.292 407011.675 5861968.125 45.379 407004.638 5861970.078 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.708 5861970.331 45.379 407004.708 5861970.331 41.292 407004.638 5861970.078 41.292 407004.638 5861970.078 45.379 407004.708 5861970.331 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:address>
        <core:Address gml:id="UUID_ab14ce00-872e-48e5-9abd-d9f7bb83da68">
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Lorup</xAL:LocalityName>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr1Q">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
          <gml:lowerCorner>407138.879 5861975.112 41.405</gml:lowerCorner>
          <gml:upperCorner>407146.724 5861983.046 44.634</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000tr1Q</core:name>
        </core:externalObject>
      </core:externalReference>
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleBodenhoehe">
        <gen:value>1300</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>03454033</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="AbsoluteHoehe">
        <gen:value>41.405</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>44.634</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>44.634</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">3.229</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407139.792 5861981.905 44.634 407138.879 5861977.974 44.634 407141.786 5861975.112 44.634 407145.699 5861976.23 44.634 407146.724 5861980.222 44.634 407143.78 5861983.046 44.634 407139.792 5861981.905 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407139.792 5861981.905 41.405 407143.78 5861983.046 41.405 407146.724 5861980.222 41.405 407145.699 5861976.23 41.405 407141.786 5861975.112 41.405 407138.879 5861977.974 41.405 407139.792 5861981.905 41.405</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407143.78 5861983.046 44.634 407143.78 5861983.046 41.405 407139.792 5861981.905 41.405 407139.792 5861981.905 44.634 407143.78 5861983.046 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407146.724 5861980.222 44.634 407146.724 5861980.222 41.405 407143.78 5861983.046 41.405 407143.78 5861983.046 44.634 407146.724 5861980.222 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407145.699 5861976.23 44.634 407145.699 5861976.23 41.405 407146.724 5861980.222 41.405 407146.724 5861980.222 44.634 407145.699 5861976.23 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407141.786 5861975.112 44.634 407141.786 5861975.112 41.405 407145.699 5861976.23 41.405 407145.699 5861976.23 44.634 407141.786 5861975.112 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407138.879 5861977.974 44.634 407138.879 5861977.974 41.405 407141.786 5861975.112 41.405 407141.786 5861975.112 44.634 407138.879 5861977.974 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407139.792 5861981.905 44.634 407139.792 5861981.905 41.405 407138.879 5861977.974 41.405 407138.879 5861977.974 44.634 407139.792 5861981.905 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:address>
        <core:Address gml:id="UUID_3f65cbc4-d908-43ac-8707-68ff0e531e7a">
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Lorup</xAL:LocalityName>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr1f">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
          <gml:lowerCorner>407018.893 5861958.037 41.069</gml:lowerCorner>
          <gml:upperCorner>407076.123 5861993.922 46.418</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000tr1f</core:name>
        </core:externalObject>
      </core:externalReference>
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleBodenhoehe">
        <gen:value>1300</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>03454033</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="AbsoluteHoehe">
        <gen:value>41.069</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>46.418</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>46.418</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">5.349</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 46.417999267578125 407046.493 5861964.657 46.417999267578125 407070.299 5861958.037 46.417999267578125 407076.123 5861979.043 46.417999267578125 407024.846 5861993.464 46.417999267578125 407020.781 5861979.034 46.417999267578125 407020.307 5861977.354 46.417999267578125 407018.893 5861972.332 46.417999267578125 407040.105 5861966.433 46.417999267578125</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 41.069000244140625 407018.893 5861972.332 41.069000244140625 407020.307 5861977.354 41.069000244140625 407020.781 5861979.034 41.069000244140625 407024.846 5861993.464 41.069000244140625 407076.123 5861979.043 41.069000244140625 407070.299 5861958.037 41.069000244140625 407046.493 5861964.657 41.069000244140625 407040.105 5861966.433 41.069000244140625</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407018.893 5861972.332 46.418 407018.893 5861972.332 41.069 407040.10499994917 5861966.432999817 41.069 407040.10499994917 5861966.432999818 46.418 407018.893 5861972.332 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407020.307 5861977.354 46.418 407020.307 5861977.354 41.068999999999996 407018.89299992553 5861972.332000022 41.068999999999996 407018.89299992553 5861972.332000022 46.418 407020.307 5861977.354 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407020.781 5861979.034 46.418 407020.781 5861979.034 41.068999999999996 407020.30699997995 5861977.354000006 41.069 407020.30699998 5861977.354000006 46.418 407020.781 5861979.034 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407076.123 5861979.043 46.418 407076.123 5861979.043 41.069 407024.84599984536 5861993.46399945 41.069 407024.84599984536 5861993.463999449 46.41799999999999 407076.123 5861979.043 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407070.299 5861958.037 46.418 407070.299 5861958.037 41.069 407076.1229997568 5861979.043000068 41.068999999999996 407076.1229997567 5861979.043000068 46.418 407070.299 5861958.037 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407046.493 5861964.657 46.418 407046.493 5861964.657 41.069 407070.29900001205 5861958.037000042 41.069 407070.2990000121 5861958.037000042 46.41799999999999 407046.493 5861964.657 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 46.418 407040.105 5861966.433 41.069 407046.492999995 5861964.656999982 41.069 407046.492999995 5861964.656999982 46.418000000000006 407040.105 5861966.433 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407024.846 5861993.464 46.418 407024.846 5861993.464 41.069 407020.78100002673 5861979.033999993 41.069 407020.78100002673 5861979.033999993 46.418 407024.846 5861993.464 46.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENILD4938244039201436984_16">
          <gml:boundedBy>
            <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
              <gml:lowerCorner>407019.227 5861979.034 41.069</gml:lowerCorner>
              <gml:upperCorner>407024.846 5861993.922 46.418</gml:upperCorner>
            </gml:Envelope>
          </gml:boundedBy>
          <core:creationDate>2021-01-25</core:creationDate>
          <core:externalReference>
            <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
            <core:externalObject>
              <core:name>DENILD4938244039201436984_16</core:name>
            </core:externalObject>
          </core:externalReference>
          <gen:stringAttribute name="DatenquelleDachhoehe">
            <gen:value>1000</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="DatenquelleBodenhoehe">
            <gen:value>1400</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="DatenquelleLage">
            <gen:value>1000</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="AbsoluteHoehe">
            <gen:value>41.069</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="MittlereTraufHoehe">
            <gen:value>46.418</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="Firsthoehe">
            <gen:value>46.418</gen:value>
          </gen:stringAttribute>
          <bldg:roofType>1000</bldg:roofType>
          <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">5.349</bldg:measuredHeight>
          <bldg:lod1MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407019.543 5861979.385 46.417999267578125 407020.781 5861979.034 46.417999267578125 407024.846 5861993.464 46.417999267578125 407023.219 5861993.922 46.417999267578125 407019.227 5861979.595 46.417999267578125 407019.562 5861979.496 46.417999267578125 407019.543 5861979.385 46.417999267578125</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407019.543 5861979.385 41.069000244140625 407019.562 5861979.496 41.069000244140625 407019.227 5861979.595 41.069000244140625 407023.219 5861993.922 41.069000244140625 407024.846 5861993.464 41.069000244140625 407020.781 5861979.034 41.069000244140625 407019.543 5861979.385 41.069000244140625</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407019.562 5861979.496 46.418 407019.562 5861979.496 41.069 407019.54300000076 5861979.385 41.069 407019.5430000007 5861979.385 46.418 407019.562 5861979.496 46.418</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407019.227 5861979.595 46.418 407019.227 5861979.595 41.069 407019.5620000006 5861979.496000002 41.069 407019.5620000006 5861979.496000003 46.418 407019.227 5861979.595 46.418</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407023.219 5861993.922 46.418 407023.219 5861993.922 41.069 407019.2269998176 5861979.595000051 41.068999999999996 407019.2269998176 5861979.595000051 46.418 407023.219 5861993.922 46.418</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407024.846 5861993.464 46.418 407024.846 5861993.464 41.068999999999996 407023.2190000027 5861993.9220000105 41.069 407023.2190000027 5861993.9220000105 46.418 407024.846 5861993.464 46.418</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407019.543 5861979.385 46.418 407019.543 5861979.385 41.069 407020.7809999997 5861979.033999998 41.069 407020.7809999997 5861979.033999999 46.418 407019.543 5861979.385 46.418</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">407020.781 5861979.034 46.418 407020.781 5861979.034 41.069 407024.8459999733 5861993.464000007 41.069 407024.8459999733 5861993.464000007 46.418 407020.781 5861979.034 46.418</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod1MultiSurface>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:address>
        <core:Address gml:id="UUID_965a9f89-1243-4007-9e2d-2ea16419af36">
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Lorup</xAL:LocalityName>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr1h">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
          <gml:lowerCorner>407038.765 5861959.835 41.206</gml:lowerCorner>
          <gml:upperCorner>407046.493 5861966.433 44.064</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000tr1h</core:name>
        </core:externalObject>
      </core:externalReference>
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleBodenhoehe">
        <gen:value>1300</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>03454033</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="AbsoluteHoehe">
        <gen:value>41.206</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>44.064</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>44.064</gen:value>
      </gen:stringAttribute>
      <bldg:function>51009_1610</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">2.857</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 44.064 407038.765 5861961.614 44.064 407045.158 5861959.835 44.064 407046.493 5861964.657 44.064 407040.105 5861966.433 44.064</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 41.206 407046.493 5861964.657 41.206 407045.158 5861959.835 41.206 407038.765 5861961.614 41.206 407040.105 5861966.433 41.206</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407046.493 5861964.657 44.064 407046.493 5861964.657 41.206 407040.105 5861966.433 41.206 407040.105 5861966.433 44.064 407046.493 5861964.657 44.064</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407045.158 5861959.835 44.064 407045.158 5861959.835 41.206 407046.493 5861964.657 41.206 407046.493 5861964.657 44.064 407045.158 5861959.835 44.064</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407038.765 5861961.614 44.064 407038.765 5861961.614 41.206 407045.158 5861959.835 41.206 407045.158 5861959.835 44.064 407038.765 5861961.614 44.064</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 44.064 407040.105 5861966.433 41.206 407038.765 5861961.614 41.206 407038.765 5861961.614 44.064 407040.105 5861966.433 44.064</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:address>
        <core:Address gml:id="UUID_2c83f231-9358-4634-ab0d-0c1b1a6dfcda">
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Lorup</xAL:LocalityName>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr2m">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
          <gml:lowerCorner>407003.264 5861970.331 41.364</gml:lowerCorner>
          <gml:upperCorner>407006.405 5861976.94 45.379</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000tr2m</core:name>
        </core:externalObject>
      </core:externalReference>
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleBodenhoehe">
        <gen:value>1300</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>03454033</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="AbsoluteHoehe">
        <gen:value>41.364</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>45.379</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>45.379</gen:value>
      </gen:stringAttribute>
      <bldg:function>51009_1610</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">4.015</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.977 5861976.94 45.379 407003.264 5861970.735 45.379 407004.708 5861970.331 45.379 407006.405 5861976.515 45.379 407004.977 5861976.94 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.977 5861976.94 41.364 407006.405 5861976.515 41.364 407004.708 5861970.331 41.364 407003.264 5861970.735 41.364 407004.977 5861976.94 41.364</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407006.405 5861976.515 45.379 407006.405 5861976.515 41.364 407004.977 5861976.94 41.364 407004.977 5861976.94 45.379 407006.405 5861976.515 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.708 5861970.331 45.379 407004.708 5861970.331 41.364 407006.405 5861976.515 41.364 407006.405 5861976.515 45.379 407004.708 5861970.331 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407003.264 5861970.735 45.379 407003.264 5861970.735 41.364 407004.708 5861970.331 41.364 407004.708 5861970.331 45.379 407003.264 5861970.735 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407004.977 5861976.94 45.379 407004.977 5861976.94 41.364 407003.264 5861970.735 41.364 407003.264 5861970.735 45.379 407004.977 5861976.94 45.379</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:address>
        <core:Address gml:id="UUID_10c667ba-9df3-4fa6-8459-63ca545e1842">
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Lorup</xAL:LocalityName>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr1S">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
          <gml:lowerCorner>407134.922 5861977.974 41.354</gml:lowerCorner>
          <gml:upperCorner>407139.942 5861984.845 44.634</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000tr1S</core:name>
        </core:externalObject>
      </core:externalReference>
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleBodenhoehe">
        <gen:value>1300</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>03454033</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="AbsoluteHoehe">
        <gen:value>41.354</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>44.634</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>44.634</gen:value>
      </gen:stringAttribute>
      <bldg:function>51009_1610</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">3.279</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407136.597 5861984.845 44.634 407134.922 5861978.893 44.634 407138.879 5861977.974 44.634 407139.792 5861981.905 44.634 407139.485 5861981.975 44.634 407139.942 5861983.904 44.634 407136.597 5861984.845 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407136.597 5861984.845 41.354 407139.942 5861983.904 41.354 407139.485 5861981.975 41.354 407139.792 5861981.905 41.354 407138.879 5861977.974 41.354 407134.922 5861978.893 41.354 407136.597 5861984.845 41.354</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407139.942 5861983.904 44.634 407139.942 5861983.904 41.354 407136.597 5861984.845 41.354 407136.597 5861984.845 44.634 407139.942 5861983.904 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407139.485 5861981.975 44.634 407139.485 5861981.975 41.354 407139.942 5861983.904 41.354 407139.942 5861983.904 44.634 407139.485 5861981.975 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407139.792 5861981.905 44.634 407139.792 5861981.905 41.354 407139.485 5861981.975 41.354 407139.485 5861981.975 44.634 407139.792 5861981.905 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407138.879 5861977.974 44.634 407138.879 5861977.974 41.354 407139.792 5861981.905 41.354 407139.792 5861981.905 44.634 407138.879 5861977.974 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407134.922 5861978.893 44.634 407134.922 5861978.893 41.354 407138.879 5861977.974 41.354 407138.879 5861977.974 44.634 407134.922 5861978.893 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407136.597 5861984.845 44.634 407136.597 5861984.845 41.354 407134.922 5861978.893 41.354 407134.922 5861978.893 44.634 407136.597 5861984.845 44.634</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:address>
        <core:Address gml:id="UUID_8340376e-2474-4dfb-b1d3-70d1536e46bf">
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Lorup</xAL:LocalityName>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr2i">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
          <gml:lowerCorner>406980.338 5861973.287 41.214</gml:lowerCorner>
          <gml:upperCorner>406999.18 5862003.728 46.103</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000tr2i</core:name>
        </core:externalObject>
      </core:externalReference>
      <gen:stringAttribute name="DatenquelleDachhoehe">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleBodenhoehe">
        <gen:value>1300</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="DatenquelleLage">
        <gen:value>1000</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>03454033</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="AbsoluteHoehe">
        <gen:value>41.214</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>45.064</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>46.103</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">4.889</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406999.18 5862000.618 45.5835 406987.883 5862003.728 45.5835 406980.338 5861976.375 45.5835 406991.634 5861973.287 45.5835 406999.18 5862000.618 45.5835</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406999.18 5862000.618 41.214 406991.634 5861973.287 41.214 406980.338 5861976.375 41.214 406987.883 5862003.728 41.214 406999.18 5862000.618 41.214</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406991.634 5861973.287 45.5835 406991.634 5861973.287 41.214 406999.18 5862000.618 41.214 406999.18 5862000.618 45.5835 406991.634 5861973.287 45.5835</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406980.338 5861976.375 45.5835 406980.338 5861976.375 41.214 406991.634 5861973.287 41.214 406991.634 5861973.287 45.5835 406980.338 5861976.375 45.5835</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406987.883 5862003.728 45.5835 406987.883 5862003.728 41.214 406980.338 5861976.375 41.214 406980.338 5861976.375 45.5835 406987.883 5862003.728 45.5835</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406999.18 5862000.618 45.5835 406999.18 5862000.618 41.214 406987.883 5862003.728 41.214 406987.883 5862003.728 45.5835 406999.18 5862000.618 45.5835</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:address>
        <core:Address gml:id="UUID_85f0d8d1-f68f-4470-b546-01d163f8fedc">
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Lorup</xAL:LocalityName>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
</core:CityModel>