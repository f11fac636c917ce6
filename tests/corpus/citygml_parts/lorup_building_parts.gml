<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<core:CityModel xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:app="http://www.opengis.net/citygml/appearance/1.0" xmlns:core="http://www.opengis.net/citygml/1.0" xmlns:tex="http://www.opengis.net/citygml/texturedsurface/1.0" xmlns:dem="http://www.opengis.net/citygml/relief/1.0" xmlns:veg="http://www.opengis.net/citygml/vegetation/1.0" xmlns:wtr="http://www.opengis.net/citygml/waterbody/1.0" xmlns:tran="http://www.opengis.net/citygml/transportation/1.0" xmlns:bldg="http://www.opengis.net/citygml/building/1.0" xmlns:frn="http://www.opengis.net/citygml/cityfurniture/1.0" xmlns:grp="http://www.opengis.net/citygml/cityobjectgroup/1.0" xmlns:gen="http://www.opengis.net/citygml/generics/1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:luse="http://www.opengis.net/citygml/landuse/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/citygml/building/1.0 http://schemas.opengis.net/citygml/building/1.0/building.xsd http://www.opengis.net/citygml/cityfurniture/1.0 http://schemas.opengis.net/citygml/cityfurniture/1.0/cityFurniture.xsd http://www.opengis.net/citygml/appearance/1.0 http://schemas.opengis.net/citygml/appearance/1.0/appearance.xsd http://www.opengis.net/citygml/cityobjectgroup/1.0 http://schemas.opengis.net/citygml/cityobjectgroup/1.0/cityObjectGroup.xsd http://www.opengis.net/citygml/generics/1.0 http://schemas.opengis.net/citygml/generics/1.0/generics.xsd http://www.opengis.net/citygml/texturedsurface/1.0 http://schemas.opengis.net/citygml/texturedsurface/1.0/texturedSurface.xsd http://www.opengis.net/citygml/relief/1.0 http://schemas.opengis.net/citygml/relief/1.0/relief.xsd http://www.opengis.net/citygml/vegetation/1.0 http://schemas.opengis.net/citygml/vegetation/1.0/vegetation.xsd http://www.opengis.net/citygml/waterbody/1.0 http://schemas.opengis.net/citygml/waterbody/1.0/waterBody.xsd http://www.opengis.net/citygml/transportation/1.0 http://schemas.opengis.net/citygml/transportation/1.0/transportation.xsd http://www.opengis.net/citygml/landuse/1.0 http://schemas.opengis.net/citygml/landuse/1.0/landUse.xsd">
  <core:cityObjectMember>
    <bldg:Building gml:id="DENILD750000tr2k">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
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
    <bldg:Building gml:id="DENILD750000n8OW">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
          <gml:lowerCorner>406145.075 5863411.819 37.696</gml:lowerCorner>
          <gml:upperCorner>406247.07 5863478.618 51.209</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
      <core:externalReference>
        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
        <core:externalObject>
          <core:name>DENILD750000n8OW</core:name>
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
        <gen:value>37.696</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="MittlereTraufHoehe">
        <gen:value>43.331</gen:value>
      </gen:stringAttribute>
      <gen:stringAttribute name="Firsthoehe">
        <gen:value>46.28</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2720</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">8.584</bldg:measuredHeight>
      <bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406154.169 5863411.819 44.17300033569336 406244.482 5863427.921 44.17300033569336 406243.834 5863431.523 44.17300033569336 406243.025 5863435.995 44.17300033569336 406242.636 5863438.149 44.17300033569336 406241.44 5863444.777 44.17300033569336 406241.436 5863444.776 44.17300033569336 406240.79 5863448.378 44.17300033569336 406156.336 5863433.272 44.17300033569336 406150.521 5863432.232 44.17300033569336 406150.574 5863431.938 44.17300033569336 406152.345 5863422.025 44.17300033569336 406154.169 5863411.819 44.17300033569336</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406154.169 5863411.819 37.69599914550781 406152.345 5863422.025 37.69599914550781 406150.574 5863431.938 37.69599914550781 406150.521 5863432.232 37.69599914550781 406156.336 5863433.272 37.69599914550781 406240.79 5863448.378 37.69599914550781 406241.436 5863444.776 37.69599914550781 406241.44 5863444.777 37.69599914550781 406242.636 5863438.149 37.69599914550781 406243.025 5863435.995 37.69599914550781 406243.834 5863431.523 37.69599914550781 406244.482 5863427.921 37.69599914550781 406154.169 5863411.819 37.69599914550781</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406152.345 5863422.025 44.173 406152.345 5863422.025 37.696 406154.1689999442 5863411.81899999 37.696 406154.1689999441 5863411.81899999 44.173 406152.345 5863422.025 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406150.574 5863431.938 44.173 406150.574 5863431.938 37.696 406152.34500000824 5863422.025000002 37.69599999999999 406152.3450000082 5863422.025000002 44.173 406150.574 5863431.938 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406150.5739999994 5863431.938 44.173 406150.521 5863432.232 44.173 406150.521 5863432.232 41.932 406150.5739999994 5863431.938 41.93200000000001 406150.5739999994 5863431.938 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406150.52099999157 5863432.232000047 44.173 406156.336 5863433.272 44.173 406156.336 5863433.272 42.3855 406153.4199168455 5863432.750464946 42.3855 406150.52099999157 5863432.232000046 42.38550000000001 406150.52099999157 5863432.232000047 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406240.79 5863448.378 44.173 406240.79 5863448.378 37.696 406156.335999917 5863433.272000464 37.696 406156.33599991706 5863433.272000464 44.173 406240.79 5863448.378 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406241.436 5863444.776 44.173 406241.436 5863444.776 37.69599999999999 406240.78999997285 5863448.377999994 37.696 406240.78999997285 5863448.377999995 44.173 406241.436 5863444.776 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406241.44 5863444.777 44.173 406241.44 5863444.777 37.696 406241.436 5863444.776 37.696 406241.436 5863444.776000001 44.173 406241.44 5863444.777 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406244.482 5863427.921 44.173 406244.482 5863427.921 37.696 406243.83399999776 5863431.523 37.696 406243.8339999978 5863431.523 44.173 406244.482 5863427.921 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406154.169 5863411.819 44.173 406154.169 5863411.819 37.696 406244.482000233 5863427.920998693 37.69599999999999 406244.48200023297 5863427.9209986925 44.173 406154.169 5863411.819 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406150.5739999994 5863431.938 41.932 406150.521 5863432.232 41.932 406150.521 5863432.232 37.696 406150.5739999994 5863431.938 37.696 406150.5739999994 5863431.938 41.932</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406153.41991684557 5863432.750464946 42.38550000000001 406156.336 5863433.272 42.3855 406156.336 5863433.272 37.696 406153.41991684557 5863432.750464946 37.696 406153.41991684557 5863432.750464946 42.38550000000001</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406150.52099999157 5863432.232000046 42.38550000000001 406153.4199168455 5863432.750464946 42.3855 406153.41991684545 5863432.750464946 37.696 406150.52099999157 5863432.232000047 37.696 406150.52099999157 5863432.232000046 42.38550000000001</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406241.43999998155 5863444.776999996 44.173 406242.636 5863438.149 44.173 406242.636 5863438.149 37.696 406241.43999998155 5863444.776999996 37.696 406241.43999998155 5863444.776999996 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406243.025 5863435.995 44.173 406243.025 5863435.995 37.696 406242.6360000113 5863438.148999989 37.69599999999999 406242.6360000113 5863438.14899999 44.173 406243.025 5863435.995 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">406243.834 5863431.523 44.173 406243.8339999999 5863431.523 37.69599999999999 406243.0250000066 5863435.995000001 37.69599999999999 406243.02500000666 5863435.995000001 44.173 406243.834 5863431.523 44.173</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENILD10605113533090870584_178">
          <gml:boundedBy>
            <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
              <gml:lowerCorner>406147.223 5863431.674 37.696</gml:lowerCorner>
              <gml:upperCorner>406150.574 5863442.35 42.145</gml:upperCorner>
            </gml:Envelope>
          </gml:boundedBy>
          <core:creationDate>2021-01-25</core:creationDate>
          <core:externalReference>
            <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
            <core:externalObject>
              <core:name>DENILD10605113533090870584_178</core:name>
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
            <gen:value>37.696</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="MittlereTraufHoehe">
            <gen:value>42.037</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="Firsthoehe">
            <gen:value>42.145</gen:value>
          </gen:stringAttribute>
          <bldg:roofType>2100</bldg:roofType>
          <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">4.449</bldg:measuredHeight>
          <bldg:lod1MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406149.098 5863431.674 41.93199920654297 406150.574 5863431.938 41.93199920654297 406150.521 5863432.232 41.93199920654297 406150.504 5863432.229 41.93199920654297 406148.737 5863442.072 41.93199920654297 406148.749 5863442.074 41.93199920654297 406148.699 5863442.35 41.93199920654297 406147.223 5863442.087 41.93199920654297 406149.098 5863431.674 41.93199920654297</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406149.098 5863431.674 37.69599914550781 406147.223 5863442.087 37.69599914550781 406148.699 5863442.35 37.69599914550781 406148.749 5863442.074 37.69599914550781 406148.737 5863442.072 37.69599914550781 406150.504 5863432.229 37.69599914550781 406150.521 5863432.232 37.69599914550781 406150.574 5863431.938 37.69599914550781 406149.098 5863431.674 37.69599914550781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406147.223 5863442.087 41.932 406147.223 5863442.087 37.696 406149.09799998155 5863431.673999996 37.696 406149.09799998155 5863431.673999996 41.931999999999995 406147.223 5863442.087 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.699 5863442.35 41.932 406148.699 5863442.35 37.696 406147.2230000035 5863442.086999981 37.696 406147.22300000355 5863442.08699998 41.932 406148.699 5863442.35 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.737 5863442.072 41.932 406148.737 5863442.072 37.696 406148.749 5863442.074 37.69599999999999 406148.749 5863442.074 41.932 406148.737 5863442.072 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406150.521 5863432.232 41.932 406150.521 5863432.232 37.696 406150.50399999996 5863432.229000001 37.696 406150.50399999996 5863432.229 41.932 406150.521 5863432.232 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406149.098 5863431.674 41.932 406149.098 5863431.674 37.696 406150.5739999988 5863431.938000007 37.696 406150.5739999988 5863431.938000007 41.932 406149.098 5863431.674 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.749 5863442.074 41.932 406148.749 5863442.074 37.696 406148.69899999804 5863442.35 37.696 406148.6989999981 5863442.35 41.932 406148.749 5863442.074 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406150.504 5863432.229 41.932 406150.504 5863432.229 37.696 406148.7370001106 5863442.072000019 37.69599999999999 406148.7370001106 5863442.072000019 41.932 406150.504 5863432.229 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406150.574 5863431.938 41.932 406150.574 5863431.938 37.696 406150.52100000065 5863432.232 37.696 406150.52100000065 5863432.232 41.932 406150.574 5863431.938 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod1MultiSurface>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENILD10605113533090870584_177">
          <gml:boundedBy>
            <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
              <gml:lowerCorner>406236.01 5863461.776 37.696</gml:lowerCorner>
              <gml:upperCorner>406241.625 5863475.604 51.209</gml:upperCorner>
            </gml:Envelope>
          </gml:boundedBy>
          <core:creationDate>2021-01-25</core:creationDate>
          <core:externalReference>
            <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
            <core:externalObject>
              <core:name>DENILD10605113533090870584_177</core:name>
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
            <gen:value>37.696</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="MittlereTraufHoehe">
            <gen:value>51.209</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="Firsthoehe">
            <gen:value>51.209</gen:value>
          </gen:stringAttribute>
          <bldg:roofType>1000</bldg:roofType>
          <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">13.513</bldg:measuredHeight>
          <bldg:lod1MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406236.01 5863475.023 51.20899963378906 406238.387 5863461.776 51.20899963378906 406241.625 5863462.355 51.20899963378906 406239.248 5863475.604 51.20899963378906 406236.01 5863475.023 51.20899963378906</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406236.01 5863475.023 37.69599914550781 406239.248 5863475.604 37.69599914550781 406241.625 5863462.355 37.69599914550781 406238.387 5863461.776 37.69599914550781 406236.01 5863475.023 37.69599914550781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406239.248 5863475.604 51.209 406239.248 5863475.604 37.696 406236.0099999975 5863475.023000014 37.696 406236.0099999975 5863475.023000015 51.209 406239.248 5863475.604 51.209</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406241.625 5863462.355 51.209 406241.625 5863462.355 37.696 406239.2479998392 5863475.603999971 37.69599999999999 406239.2479998392 5863475.603999971 51.209 406241.625 5863462.355 51.209</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406238.387 5863461.776 51.209 406238.387 5863461.776 37.696 406241.62499999825 5863462.355000011 37.696 406241.62499999825 5863462.355000011 51.209 406238.387 5863461.776 51.209</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406238.3870001357 5863461.776000025 51.209 406236.01 5863475.023 51.209 406236.01 5863475.023 44.144499999999994 406237.1951748581 5863468.418031376 44.144499999999994 406238.3870001357 5863461.776000024 44.14449999999999 406238.3870001357 5863461.776000025 51.209</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406237.1951748581 5863468.418031376 44.144499999999994 406236.01 5863475.023 44.144499999999994 406236.01 5863475.023 37.696000000000005 406237.1951748581 5863468.418031376 37.696 406237.1951748581 5863468.418031376 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406238.3870001357 5863461.776000024 44.144499999999994 406237.1951748581 5863468.418031376 44.144499999999994 406237.1951748581 5863468.418031376 37.696000000000005 406238.3870001357 5863461.776000024 37.696 406238.3870001357 5863461.776000024 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod1MultiSurface>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENILD10605113533090870584_176">
          <gml:boundedBy>
            <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
              <gml:lowerCorner>406241.44 5863431.523 37.696</gml:lowerCorner>
              <gml:upperCorner>406247.07 5863445.355 51.196</gml:upperCorner>
            </gml:Envelope>
          </gml:boundedBy>
          <core:creationDate>2021-01-25</core:creationDate>
          <core:externalReference>
            <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
            <core:externalObject>
              <core:name>DENILD10605113533090870584_176</core:name>
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
            <gen:value>37.696</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="MittlereTraufHoehe">
            <gen:value>51.196</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="Firsthoehe">
            <gen:value>51.196</gen:value>
          </gen:stringAttribute>
          <bldg:roofType>1000</bldg:roofType>
          <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">13.5</bldg:measuredHeight>
          <bldg:lod1MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406243.025 5863435.995 51.19599914550781 406243.834 5863431.523 51.19599914550781 406247.07 5863432.104 51.19599914550781 406244.684 5863445.355 51.19599914550781 406241.44 5863444.777 51.19599914550781 406243.025 5863435.995 51.19599914550781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406243.025 5863435.995 37.69599914550781 406241.44 5863444.777 37.69599914550781 406244.684 5863445.355 37.69599914550781 406247.07 5863432.104 37.69599914550781 406243.834 5863431.523 37.69599914550781 406243.025 5863435.995 37.69599914550781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406243.02500010893 5863435.99500002 51.196 406241.44 5863444.777 51.196 406241.44 5863444.776999999 44.172999999999995 406242.63623254624 5863438.149041971 44.173 406243.0250001089 5863435.99500002 44.172999999999995 406243.02500010893 5863435.99500002 51.196</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406244.684 5863445.355 51.196 406244.684 5863445.355 37.696 406241.4400000027 5863444.776999985 37.696 406241.4400000027 5863444.776999984 51.196 406244.684 5863445.355 51.196</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406247.07 5863432.104 51.196 406247.07 5863432.104 37.696 406244.68400014995 5863445.355000027 37.696 406244.68400014995 5863445.355000028 51.196 406247.07 5863432.104 51.196</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406243.834 5863431.523 51.196 406243.834 5863431.523 37.696 406247.07000000717 5863432.10399996 37.696 406247.07000000717 5863432.10399996 51.196 406243.834 5863431.523 51.196</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406243.8339999934 5863431.522999999 51.196 406243.025 5863435.995 51.196 406243.025 5863435.995 44.173 406243.8339999934 5863431.522999999 44.173 406243.8339999934 5863431.522999999 51.196</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406242.63623254624 5863438.149041971 44.173 406241.44 5863444.777 44.173 406241.44 5863444.777 37.696 406242.63623254624 5863438.149041971 37.696 406242.63623254624 5863438.149041971 44.173</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406243.0250001089 5863435.99500002 44.172999999999995 406242.63623254624 5863438.149041971 44.173 406242.6362325462 5863438.149041971 37.696 406243.02500010893 5863435.99500002 37.69599999999999 406243.0250001089 5863435.99500002 44.172999999999995</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406243.8339999934 5863431.522999999 44.173 406243.025 5863435.995 44.173 406243.025 5863435.995 37.69599999999999 406243.8339999934 5863431.522999999 37.69599999999999 406243.8339999934 5863431.522999999 44.173</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod1MultiSurface>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENILD10605113533090870584_174">
          <gml:boundedBy>
            <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
              <gml:lowerCorner>406148.737 5863432.229 37.696</gml:lowerCorner>
              <gml:upperCorner>406156.336 5863443.115 42.741</gml:upperCorner>
            </gml:Envelope>
          </gml:boundedBy>
          <core:creationDate>2021-01-25</core:creationDate>
          <core:externalReference>
            <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
            <core:externalObject>
              <core:name>DENILD10605113533090870584_174</core:name>
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
            <gen:value>37.696</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="MittlereTraufHoehe">
            <gen:value>42.267</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="Firsthoehe">
            <gen:value>42.741</gen:value>
          </gen:stringAttribute>
          <bldg:roofType>3100</bldg:roofType>
          <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">5.046</bldg:measuredHeight>
          <bldg:lod1MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.737 5863442.072 42.385501861572266 406150.504 5863432.229 42.385501861572266 406153.42 5863432.75 42.385501861572266 406156.336 5863433.272 42.385501861572266 406154.568 5863443.115 42.385501861572266 406151.652 5863442.594 42.385501861572266 406148.737 5863442.072 42.385501861572266</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.737 5863442.072 37.69599914550781 406151.652 5863442.594 37.69599914550781 406154.568 5863443.115 37.69599914550781 406156.336 5863433.272 37.69599914550781 406153.42 5863432.75 37.69599914550781 406150.504 5863432.229 37.69599914550781 406148.737 5863442.072 37.69599914550781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.73700000375 5863442.071999978 42.3855 406148.74897417077 5863442.074144238 42.3855 406148.74897417077 5863442.074144238 37.69599999999999 406148.73700000375 5863442.071999978 37.696 406148.73700000375 5863442.071999978 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406156.336 5863433.272 42.3855 406156.336 5863433.272 37.69599999999999 406154.5680000651 5863443.115000012 37.69599999999999 406154.5680000651 5863443.115000012 42.38549999999999 406156.336 5863433.272 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406150.5209935279 5863432.232036225 42.3855 406150.504 5863432.229 42.3855 406150.504 5863432.229 37.696 406150.5209935279 5863432.232036225 37.696 406150.5209935279 5863432.232036225 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406150.5039998894 5863432.228999981 42.3855 406148.737 5863442.072 42.3855 406148.737 5863442.072 41.932 406150.5039998894 5863432.228999981 41.932 406150.5039998894 5863432.228999981 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.74897417077 5863442.074144238 42.3855 406151.652 5863442.594 42.3855 406151.652 5863442.594 37.696 406148.74897417077 5863442.074144238 37.69599999999999 406148.74897417077 5863442.074144238 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406154.568 5863443.115 42.3855 406154.568 5863443.115 37.696 406151.6520000788 5863442.593999967 37.696 406151.65200007893 5863442.593999967 42.3855 406154.568 5863443.115 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406156.33599999396 5863433.272000033 42.3855 406153.42 5863432.75 42.3855 406153.42 5863432.75 37.696 406156.33599999396 5863433.272000033 37.696 406156.33599999396 5863433.272000033 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406153.41999995155 5863432.750000039 42.38550000000001 406150.5209935279 5863432.232036225 42.3855 406150.5209935279 5863432.232036225 37.696 406153.41999995155 5863432.750000039 37.696 406153.41999995155 5863432.750000039 42.38550000000001</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406150.5039998894 5863432.228999981 41.932 406148.737 5863442.072 41.932 406148.737 5863442.072 37.696 406150.5039998894 5863432.228999981 37.696 406150.5039998894 5863432.228999981 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod1MultiSurface>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DENILD10605113533090870584_173">
          <gml:boundedBy>
            <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
              <gml:lowerCorner>406145.075 5863442.074 37.696</gml:lowerCorner>
              <gml:upperCorner>406239.022 5863478.618 46.224</gml:upperCorner>
            </gml:Envelope>
          </gml:boundedBy>
          <core:creationDate>2021-01-25</core:creationDate>
          <core:externalReference>
            <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
            <core:externalObject>
              <core:name>DENILD10605113533090870584_173</core:name>
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
            <gen:value>37.696</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="MittlereTraufHoehe">
            <gen:value>43.2</gen:value>
          </gen:stringAttribute>
          <gen:stringAttribute name="Firsthoehe">
            <gen:value>46.224</gen:value>
          </gen:stringAttribute>
          <bldg:roofType>3100</bldg:roofType>
          <bldg:measuredHeight uom="urn:ogc:def:uom:UCUM::m">8.528</bldg:measuredHeight>
          <bldg:lod1MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406239.022 5863458.218 44.144500732421875 406238.387 5863461.776 44.144500732421875 406237.195 5863468.418 44.144500732421875 406236.01 5863475.023 44.144500732421875 406235.364 5863478.618 44.144500732421875 406145.075 5863462.463 44.144500732421875 406146.912 5863452.269 44.144500732421875 406148.699 5863442.35 44.144500732421875 406148.749 5863442.074 44.144500732421875 406154.568 5863443.115 44.144500732421875 406239.022 5863458.218 44.144500732421875</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406239.022 5863458.218 37.69599914550781 406154.568 5863443.115 37.69599914550781 406148.749 5863442.074 37.69599914550781 406148.699 5863442.35 37.69599914550781 406146.912 5863452.269 37.69599914550781 406145.075 5863462.463 37.69599914550781 406235.364 5863478.618 37.69599914550781 406236.01 5863475.023 37.69599914550781 406237.195 5863468.418 37.69599914550781 406238.387 5863461.776 37.69599914550781 406239.022 5863458.218 37.69599914550781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406154.568 5863443.115 44.144499999999994 406154.568 5863443.115 37.696 406239.022000128 5863458.217999285 37.696 406239.02200012794 5863458.217999285 44.144499999999994 406154.568 5863443.115 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406154.56799999136 5863443.115000049 44.14449999999999 406148.749 5863442.074 44.144499999999994 406148.749 5863442.074 42.3855 406151.6521148961 5863442.593357751 42.38549999999999 406154.56799999136 5863443.115000049 42.3855 406154.56799999136 5863443.115000049 44.14449999999999</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.74900000193 5863442.074 44.144499999999994 406148.699 5863442.35 44.144499999999994 406148.699 5863442.35 41.931999999999995 406148.749000002 5863442.074 41.932 406148.74900000193 5863442.074 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406146.912 5863452.269 44.144499999999994 406146.912 5863452.269 37.696 406148.6990000001 5863442.35 37.696 406148.6990000001 5863442.35 44.144499999999994 406146.912 5863452.269 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406145.075 5863462.463 44.144499999999994 406145.075 5863462.463 37.696 406146.91199996945 5863452.268999995 37.696 406146.91199996945 5863452.268999995 44.144499999999994 406145.075 5863462.463 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406235.364 5863478.618 44.144499999999994 406235.364 5863478.618 37.69599999999999 406145.0750000737 5863462.462999588 37.696 406145.0750000737 5863462.462999589 44.144499999999994 406235.364 5863478.618 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406236.01 5863475.023 44.144499999999994 406236.01 5863475.023 37.69599999999999 406235.36399997823 5863478.617999996 37.69599999999999 406235.36399997823 5863478.617999996 44.14449999999999 406236.01 5863475.023 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406239.022 5863458.218 44.144499999999994 406239.022 5863458.218 37.696 406238.38700002444 5863461.776000004 37.696 406238.3870000245 5863461.776000004 44.144499999999994 406239.022 5863458.218 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406151.65211489616 5863442.593357751 42.3855 406148.749 5863442.074 42.3855 406148.749 5863442.074 37.696 406151.6521148961 5863442.59335775 37.696 406151.65211489616 5863442.593357751 42.3855</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406154.56799999136 5863443.115000049 42.38549999999999 406151.6521148961 5863442.593357751 42.38549999999999 406151.6521148961 5863442.59335775 37.696 406154.5679999913 5863443.115000049 37.696 406154.56799999136 5863443.115000049 42.38549999999999</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406148.749000002 5863442.074 41.932 406148.699 5863442.35 41.932 406148.699 5863442.35 37.696 406148.74900000193 5863442.074 37.696 406148.749000002 5863442.074 41.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406236.01000005874 5863475.02300001 44.144499999999994 406237.195 5863468.418 44.144499999999994 406237.195 5863468.418 37.696 406236.01000005874 5863475.02300001 37.696 406236.01000005874 5863475.02300001 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">406238.38699999993 5863461.776 44.144499999999994 406238.387 5863461.776 37.696 406237.1950000044 5863468.417999999 37.696 406237.1950000044 5863468.417999999 44.144499999999994 406238.38699999993 5863461.776 44.144499999999994</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod1MultiSurface>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:address>
        <core:Address gml:id="UUID_2433cf1f-3a59-47c1-9d0b-1e104f64cf79">
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
    <bldg:Building gml:id="DERIVED_parts_only_tr1f">
      <gml:boundedBy>
        <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
          <gml:lowerCorner>407018.893 5861958.037 41.069</gml:lowerCorner>
          <gml:upperCorner>407076.123 5861993.922 46.418</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <core:creationDate>2021-01-25</core:creationDate>
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
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DERIVED_DENILD4938244039201436984_16">
          <gml:boundedBy>
            <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783" srsDimension="3">
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
      <bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="DERIVED_parts_only_tr1f_body"><bldg:roofType>1000</bldg:roofType><bldg:lod1MultiSurface>
        <gml:MultiSurface>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 47.418 407046.493 5861964.657 47.418 407070.299 5861958.037 47.418 407076.123 5861979.043 47.418 407024.846 5861993.464 47.418 407020.781 5861979.034 47.418 407020.307 5861977.354 47.418 407018.893 5861972.332 47.418 407040.105 5861966.433 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 42.069 407018.893 5861972.332 42.069 407020.307 5861977.354 42.069 407020.781 5861979.034 42.069 407024.846 5861993.464 42.069 407076.123 5861979.043 42.069 407070.299 5861958.037 42.069 407046.493 5861964.657 42.069 407040.105 5861966.433 42.069</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407018.893 5861972.332 47.418 407018.893 5861972.332 42.069 407040.10499994917 5861966.432999817 42.069 407040.10499994917 5861966.432999818 47.418 407018.893 5861972.332 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407020.307 5861977.354 47.418 407020.307 5861977.354 42.069 407018.89299992553 5861972.332000022 42.069 407018.89299992553 5861972.332000022 47.418 407020.307 5861977.354 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407020.781 5861979.034 47.418 407020.781 5861979.034 42.069 407020.30699997995 5861977.354000006 42.069 407020.30699998 5861977.354000006 47.418 407020.781 5861979.034 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407076.123 5861979.043 47.418 407076.123 5861979.043 42.069 407024.84599984536 5861993.46399945 42.069 407024.84599984536 5861993.463999449 47.418 407076.123 5861979.043 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407070.299 5861958.037 47.418 407070.299 5861958.037 42.069 407076.1229997568 5861979.043000068 42.069 407076.1229997567 5861979.043000068 47.418 407070.299 5861958.037 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407046.493 5861964.657 47.418 407046.493 5861964.657 42.069 407070.29900001205 5861958.037000042 42.069 407070.2990000121 5861958.037000042 47.418 407046.493 5861964.657 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407040.105 5861966.433 47.418 407040.105 5861966.433 42.069 407046.492999995 5861964.656999982 42.069 407046.492999995 5861964.656999982 47.418 407040.105 5861966.433 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon>
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="3">407024.846 5861993.464 47.418 407024.846 5861993.464 42.069 407020.78100002673 5861979.033999993 42.069 407020.78100002673 5861979.033999993 47.418 407024.846 5861993.464 47.418</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </bldg:lod1MultiSurface>
      </bldg:BuildingPart></bldg:consistsOfBuildingPart><bldg:address>
        <core:Address gml:id="DERIVED_UUID_965a9f89-1243-4007-9e2d-2ea16419af36">
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