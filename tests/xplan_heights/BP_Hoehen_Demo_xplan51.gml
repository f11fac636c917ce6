<?xml version="1.0" encoding="utf-8"?>
<!-- Hand-made test plan derived from xplanbox Demo.gml (XPlanGML 5.0, AGPL-3.0-or-later), see SOURCE.md -->
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/5/1" xmlns:gml="http://www.opengis.net/gml/3.2"
 xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="GML_hoehen_demo">
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_4ad825d0-5819-4126-be9d-f1e0b885374c">
      <xplan:name>BPlan Demo-Gemeinde (Hoehenangaben)</xplan:name>
      <xplan:nummer>H-1</xplan:nummer>
      <xplan:bezugshoehe uom="m">93</xplan:bezugshoehe>
      <xplan:raeumlicherGeltungsbereich><gml:Polygon srsName="EPSG:25832" gml:id="GB_1"><gml:exterior><gml:LinearRing>
        <gml:posList srsDimension="2" count="5">564295 5777855 564605 5777855 564605 5778020 564295 5778020 564295 5777855</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
      </xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>03254021</xplan:ags><xplan:gemeindeName>Hildesheim</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>3000</xplan:rechtsstand>
    </xplan:BP_Plan>
  </gml:featureMember>
  <!-- from Demo.gml: Z 3, GRZ 0.4, GFZ 1.2 (coordinates moved) -->
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_013e660f-385d-4338-b9f2-85f30845ec26">
      <xplan:ebene>0</xplan:ebene>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="GML_013e660f-385d-4338-b9f2-85f30845ec26_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="9">564385.027 5778012.525 564375.067 5778011.934 564365.120 5778010.929 564355.252 5778009.330 564345.459 5778007.244 564357.673 5777953.352 564371.058 5777954.807 564386.961 5777956.537 564385.027 5778012.525</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:GFZ>1.2</xplan:GFZ><xplan:GRZ>0.4</xplan:GRZ><xplan:Z>3</xplan:Z><xplan:besondereArtDerBaulNutzung>1400</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <!-- from Demo.gml: Zmin 3, Zmax 5, GRZ 0.6, GFZ 0.6 -->
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_cdb8ddd5-f73a-4d10-b1d0-3092036af965">
      <xplan:ebene>0</xplan:ebene>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="GML_cdb8ddd5-f73a-4d10-b1d0-3092036af965_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="10">564458.121 5777968.987 564458.109 5777985.877 564458.089 5778006.913 564442.220 5778007.390 564438.069 5778006.363 564435.657 5778003.857 564434.215 5777999.855 564433.950 5777985.791 564434.239 5777963.541 564458.121 5777968.987</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:GFZ>0.6</xplan:GFZ><xplan:GRZ>0.6</xplan:GRZ><xplan:Zmin>3</xplan:Zmin><xplan:Zmax>5</xplan:Zmax><xplan:besondereArtDerBaulNutzung>1500</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <!-- from Demo.gml: hoehenangabe relative to the plan's bezugshoehe (3000), Firsthoehe (2000) hMin 6 / hMax 9, GFZ 0.8 -->
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_e346d550-1247-4012-91f4-df3f4f5d3b1a">
      <xplan:ebene>0</xplan:ebene><xplan:hoehenangabe><xplan:XP_Hoehenangabe><xplan:hoehenbezug>3000</xplan:hoehenbezug><xplan:bezugspunkt>2000</xplan:bezugspunkt><xplan:hMin uom="m">6</xplan:hMin><xplan:hMax uom="m">9</xplan:hMax></xplan:XP_Hoehenangabe></xplan:hoehenangabe>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="GML_e346d550-1247-4012-91f4-df3f4f5d3b1a_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="12">564421.777 5778010.394 564413.506 5778011.537 564405.215 5778012.264 564395.108 5778012.614 564385.027 5778012.525 564386.961 5777956.537 564405.239 5777960.272 564427.244 5777964.762 564427.212 5778003.981 564426.500 5778006.873 564424.550 5778009.220 564421.777 5778010.394</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:GFZ>0.8</xplan:GFZ><xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <!-- added: Baumassenzahl 4.5 with GRZ 0.5 (no storeys, no heights) -->
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="BTF_BMZ">
      <xplan:ebene>0</xplan:ebene>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="BTF_BMZ_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="5">564470 5777860 564510 5777860 564510 5777890 564470 5777890 564470 5777860</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:GRZ>0.5</xplan:GRZ><xplan:BMZ>4.5</xplan:BMZ><xplan:besondereArtDerBaulNutzung>1800</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <!-- added: absolute Gebaeudehoehe 105 m NHN (1000/6000) and Z 2 -->
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="BTF_NHN">
      <xplan:ebene>0</xplan:ebene><xplan:hoehenangabe><xplan:XP_Hoehenangabe><xplan:hoehenbezug>1000</xplan:hoehenbezug><xplan:bezugspunkt>6000</xplan:bezugspunkt><xplan:h uom="m">105</xplan:h></xplan:XP_Hoehenangabe></xplan:hoehenangabe>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="BTF_NHN_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="5">564470 5777900 564510 5777900 564510 5777930 564470 5777930 564470 5777900</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:GRZ>0.4</xplan:GRZ><xplan:Z>2</xplan:Z><xplan:besondereArtDerBaulNutzung>1400</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <!-- added: two hoehenangaben over ground (2000): Traufhoehe hZwingend 7, Firsthoehe hMax 11; Zzwingend 2 -->
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="BTF_TH_FH">
      <xplan:ebene>0</xplan:ebene><xplan:hoehenangabe><xplan:XP_Hoehenangabe><xplan:hoehenbezug>2000</xplan:hoehenbezug><xplan:bezugspunkt>1000</xplan:bezugspunkt><xplan:hZwingend uom="m">7</xplan:hZwingend></xplan:XP_Hoehenangabe></xplan:hoehenangabe><xplan:hoehenangabe><xplan:XP_Hoehenangabe><xplan:hoehenbezug>2000</xplan:hoehenbezug><xplan:bezugspunkt>2000</xplan:bezugspunkt><xplan:hMax uom="m">11</xplan:hMax></xplan:XP_Hoehenangabe></xplan:hoehenangabe>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="BTF_TH_FH_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="5">564470 5777940 564510 5777940 564510 5777970 564470 5777970 564470 5777940</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:GRZ>0.4</xplan:GRZ><xplan:GFZ>0.8</xplan:GFZ><xplan:Zzwingend>2</xplan:Zzwingend><xplan:besondereArtDerBaulNutzung>1400</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <!-- added: no dimensions at all (default height) -->
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="BTF_NONE">
      <xplan:ebene>0</xplan:ebene>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="BTF_NONE_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="5">564470 5777980 564510 5777980 564510 5778010 564470 5778010 564470 5777980</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:besondereArtDerBaulNutzung>1400</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <!-- added: buildable area inside BTF_TH_FH -->
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="UGF_TH_FH">
      <xplan:ebene>0</xplan:ebene>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="UGF_TH_FH_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="5">564475 5777945 564505 5777945 564505 5777965 564475 5777965 564475 5777945</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <!-- added: buildable area inside the first zone, with its own Z 4 -->
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="UGF_Z4">
      <xplan:ebene>0</xplan:ebene>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position><gml:Polygon srsName="EPSG:25832" gml:id="UGF_Z4_P"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2" count="5">564355 5777965 564375 5777965 564375 5777995 564355 5777995 564355 5777965</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss><xplan:Z>4</xplan:Z>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
</xplan:XPlanAuszug>
