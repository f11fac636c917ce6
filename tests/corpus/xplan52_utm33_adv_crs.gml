<?xml version="1.0" encoding="UTF-8"?>
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/5/2" xmlns:gml="http://www.opengis.net/gml/3.2"
 xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="GML_auszug_52">
  <gml:boundedBy><gml:Envelope srsName="urn:adv:crs:ETRS89_UTM33"><gml:lowerCorner>563890 5777990</gml:lowerCorner><gml:upperCorner>563990 5778090</gml:upperCorner></gml:Envelope></gml:boundedBy>
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_plan_52">
      <xplan:name>Bebauungsplan Nr. 52 Testquartier</xplan:name>
      <xplan:nummer>52</xplan:nummer>
      <xplan:raeumlicherGeltungsbereich>
        <gml:Polygon srsName="urn:adv:crs:ETRS89_UTM33" gml:id="GML_plan_52_gb">
          <gml:exterior><gml:LinearRing><gml:posList srsDimension="2">563890 5777990 158990 5777990 158990 5778090 563890 5778090 563890 5777990</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </xplan:raeumlicherGeltungsbereich>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:inkrafttretensDatum>2021-06-30</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#GML_bereich_52"/>
    </xplan:BP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Bereich gml:id="GML_bereich_52">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_plan_52"/>
    </xplan:BP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_wa_1">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_52"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon srsName="urn:adv:crs:ETRS89_UTM33" gml:id="GML_wa_1_g">
          <gml:exterior><gml:LinearRing><gml:posList srsDimension="2">563900 5778000 563980 5778000 563980 5778080 563900 5778080 563900 5778000</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GRZ>0.4</xplan:GRZ>
      <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_bg_multi">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_52"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:MultiCurve srsName="urn:adv:crs:ETRS89_UTM33" gml:id="GML_bg_multi_g">
          <gml:curveMember><gml:LineString gml:id="GML_bg_multi_g1"><gml:posList srsDimension="2">563905 5778005 563975 5778005 563975 5778040</gml:posList></gml:LineString></gml:curveMember>
          <gml:curveMember><gml:LineString gml:id="GML_bg_multi_g2"><gml:posList srsDimension="2">563905 5778050 563905 5778075 563975 5778075</gml:posList></gml:LineString></gml:curveMember>
        </gml:MultiCurve>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_sbl_1">
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_bereich_52"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString srsName="urn:adv:crs:ETRS89_UTM33" gml:id="GML_sbl_1_g"><gml:posList srsDimension="2">563900 5778000 563980 5778000</gml:posList></gml:LineString>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
</xplan:XPlanAuszug>
