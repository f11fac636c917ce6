<?xml version='1.0' encoding='UTF-8'?>
<!-- Generated demo plan (fictional): python -m transforms.generate.xplan_demo; see datasets/bplan_lerchenfeld/SOURCE.md -->
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/6/0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" gml:id="GML_4de587af-57c8-5a55-ba3c-416866cdb14b" xsi:schemaLocation="http://www.xplanung.de/xplangml/6/0 https://repository.gdi-de.org/schemas/de.xleitstelle.xplanung/6.0/XPlanung-Operationen.xsd">
  <gml:boundedBy>
    <gml:Envelope srsName="EPSG:25832">
      <gml:lowerCorner>566655.000 5778855.000</gml:lowerCorner>
      <gml:upperCorner>567045.000 5779195.000</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_32c5ff0f-b7fd-5bcb-bf01-c55e5e710ee0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566655.000 5778855.000</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779195.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:name>Bebauungsplan HI 245 „Am Lerchenfeld“ (Demo)</xplan:name>
      <xplan:nummer>HI 245</xplan:nummer>
      <xplan:beschreibung>Demo-Plan, frei erfunden: ein Wohngebiet mit Einzel- und Doppelhäusern, Mehrfamilienhäusern und einem Mischgebiet an der Zufahrt von der Straße Am Eibenteich, Planstraßen mit Wendeanlagen, verkehrsberuhigten Bereichen, einer öffentlichen Grünfläche mit Spielplatz und Baumpflanzungen, auf einer Freifläche der generierten Demo-Stadt. Kein Bauleitplan der Stadt Hildesheim.</xplan:beschreibung>
      <xplan:technHerstellDatum>2026-11-20</xplan:technHerstellDatum>
      <xplan:erstellungsMassstab>1000</xplan:erstellungsMassstab>
      <xplan:bezugshoehe uom="m">96.0</xplan:bezugshoehe>
      <xplan:hoehenbezug>DHHN2016 (Normalhöhennull, NHN)</xplan:hoehenbezug>
      <xplan:technischerPlanersteller>Stadt Hildesheim, Fachbereich Stadtplanung (generierter Demo-Plan)</xplan:technischerPlanersteller>
      <xplan:raeumlicherGeltungsbereich>
        <gml:Polygon gml:id="GML_bae8957a-e77e-552d-a91f-2c09bbd13935" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">567045.000 5778855.000 567045.000 5779195.000 566655.000 5779195.000 566655.000 5778855.000 567045.000 5778855.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:raeumlicherGeltungsbereich>
      <xplan:externeReferenz>
        <xplan:XP_SpezExterneReferenz>
          <xplan:art>Dokument</xplan:art>
          <xplan:referenzName>Planzeichnung (Entwurf), aus den Plandaten gezeichnet</xplan:referenzName>
          <xplan:referenzURL>http://127.0.0.1:5000/wms?SERVICE=WMS&amp;VERSION=1.3.0&amp;REQUEST=GetMap&amp;LAYERS=PLU.ZoningElement.bplan_lerchenfeld%2CPLU.SupplementaryRegulation.bplan_lerchenfeld_sr&amp;STYLES=&amp;CRS=EPSG%3A25832&amp;BBOX=566635%2C5778835%2C567065%2C5779215&amp;WIDTH=1600&amp;HEIGHT=1414&amp;FORMAT=image%2Fpng&amp;TRANSPARENT=FALSE&amp;BGCOLOR=0xFFFFFF</xplan:referenzURL>
          <xplan:referenzMimeType codeSpace="https://www.iana.org/assignments/media-types">image/png</xplan:referenzMimeType>
          <xplan:datum>2026-11-20</xplan:datum>
          <xplan:typ>1030</xplan:typ>
        </xplan:XP_SpezExterneReferenz>
      </xplan:externeReferenz>
      <xplan:externeReferenz>
        <xplan:XP_SpezExterneReferenz>
          <xplan:art>Dokument</xplan:art>
          <xplan:referenzName>Festsetzungen (Baugebiete, Verkehrs- und Grünflächen) als Tabelle mit Karte</xplan:referenzName>
          <xplan:referenzURL>http://127.0.0.1:5000/ogc/collections/bplan_lerchenfeld_zoningelement/items?f=html</xplan:referenzURL>
          <xplan:referenzMimeType codeSpace="https://www.iana.org/assignments/media-types">text/html</xplan:referenzMimeType>
          <xplan:datum>2026-11-20</xplan:datum>
          <xplan:typ>1000</xplan:typ>
        </xplan:XP_SpezExterneReferenz>
      </xplan:externeReferenz>
      <xplan:externeReferenz>
        <xplan:XP_SpezExterneReferenz>
          <xplan:art>Dokument</xplan:art>
          <xplan:referenzName>Baugrenzen, Straßenbegrenzungslinien und Anpflanzungen als Tabelle mit Karte</xplan:referenzName>
          <xplan:referenzURL>http://127.0.0.1:5000/ogc/collections/bplan_lerchenfeld_supplementaryregulation/items?f=html</xplan:referenzURL>
          <xplan:referenzMimeType codeSpace="https://www.iana.org/assignments/media-types">text/html</xplan:referenzMimeType>
          <xplan:datum>2026-11-20</xplan:datum>
          <xplan:typ>1000</xplan:typ>
        </xplan:XP_SpezExterneReferenz>
      </xplan:externeReferenz>
      <xplan:externeReferenz>
        <xplan:XP_SpezExterneReferenz>
          <xplan:art>Dokument</xplan:art>
          <xplan:referenzName>Plandaten für GIS-Programme (GeoPackage)</xplan:referenzName>
          <xplan:referenzURL>http://127.0.0.1:5000/download/bplan_lerchenfeld/bplan_lerchenfeld.gpkg</xplan:referenzURL>
          <xplan:referenzMimeType codeSpace="https://www.iana.org/assignments/media-types">application/geopackage+sqlite3</xplan:referenzMimeType>
          <xplan:datum>2026-11-20</xplan:datum>
          <xplan:typ>9999</xplan:typ>
        </xplan:XP_SpezExterneReferenz>
      </xplan:externeReferenz>
      <xplan:gemeinde>
        <xplan:XP_Gemeinde>
          <xplan:ags>03254021</xplan:ags>
          <xplan:gemeindeName>Hildesheim</xplan:gemeindeName>
        </xplan:XP_Gemeinde>
      </xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>2400</xplan:rechtsstand>
      <xplan:aufstellungsbeschlussDatum>2026-03-18</xplan:aufstellungsbeschlussDatum>
      <xplan:auslegungsStartDatum>2026-12-03</xplan:auslegungsStartDatum>
      <xplan:auslegungsEndDatum>2027-01-08</xplan:auslegungsEndDatum>
      <xplan:traegerbeteiligungsStartDatum>2026-12-03</xplan:traegerbeteiligungsStartDatum>
      <xplan:traegerbeteiligungsEndDatum>2027-01-08</xplan:traegerbeteiligungsEndDatum>
      <xplan:staedtebaulicherVertrag>false</xplan:staedtebaulicherVertrag>
      <xplan:erschliessungsVertrag>true</xplan:erschliessungsVertrag>
      <xplan:durchfuehrungsVertrag>false</xplan:durchfuehrungsVertrag>
      <xplan:gruenordnungsplan>false</xplan:gruenordnungsplan>
      <xplan:bereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
    </xplan:BP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Bereich gml:id="GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566655.000 5778855.000</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779195.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:nummer>0</xplan:nummer>
      <xplan:name>Geltungsbereich</xplan:name>
      <xplan:planinhalt xlink:href="#GML_99946258-7a7d-5eb0-a2ca-cac6de397e7f"/>
      <xplan:planinhalt xlink:href="#GML_5e877664-0a2b-5415-85b2-9cddb3b834e0"/>
      <xplan:planinhalt xlink:href="#GML_5fffa24f-fa64-54f7-9968-d7ac41547097"/>
      <xplan:planinhalt xlink:href="#GML_6fec25f3-86da-5110-98e2-50d84e604a89"/>
      <xplan:planinhalt xlink:href="#GML_bb8e859d-64d2-50c9-bcc0-7129fe8bd4e9"/>
      <xplan:planinhalt xlink:href="#GML_d3aeba40-2bb8-58fc-854e-cda29a31df50"/>
      <xplan:planinhalt xlink:href="#GML_9eaec6e8-cde5-5d33-99c8-c1a564b28468"/>
      <xplan:planinhalt xlink:href="#GML_61c9e7ab-573f-5c87-ac7e-5e14a555a94c"/>
      <xplan:planinhalt xlink:href="#GML_98e7cede-be30-5d25-a3bf-afd67172e069"/>
      <xplan:planinhalt xlink:href="#GML_2965474e-b5d0-5916-856d-2536e6126508"/>
      <xplan:planinhalt xlink:href="#GML_5365c84d-67bf-53b3-82ed-7a7758a72287"/>
      <xplan:planinhalt xlink:href="#GML_5c4ff8a7-9211-53c4-9ad4-8642971dcf33"/>
      <xplan:planinhalt xlink:href="#GML_d9d3744c-f027-52fd-9743-441b69a6c6a5"/>
      <xplan:planinhalt xlink:href="#GML_4a85e3b3-7e57-5c2b-9413-496d4191e46f"/>
      <xplan:planinhalt xlink:href="#GML_348d4049-3b8f-53c3-9c81-4e0811698530"/>
      <xplan:planinhalt xlink:href="#GML_60781a54-e92d-5037-a31b-ad9c6a0b416e"/>
      <xplan:planinhalt xlink:href="#GML_b7968920-4a2e-54c8-ab07-bb3081366358"/>
      <xplan:planinhalt xlink:href="#GML_c7eac3e0-356c-5775-be29-17ab32d565ea"/>
      <xplan:planinhalt xlink:href="#GML_4dcb949c-825b-5b94-b086-a3a9c8734fb7"/>
      <xplan:planinhalt xlink:href="#GML_d9ffb76a-3ed5-573a-976f-fc04875ac8f4"/>
      <xplan:planinhalt xlink:href="#GML_7678be1d-971e-58f9-8fd0-af535c5a373a"/>
      <xplan:planinhalt xlink:href="#GML_033914d6-fc6b-5620-86ee-c58ae99fdf7e"/>
      <xplan:planinhalt xlink:href="#GML_1e5850ab-382d-5c8d-a1de-3b88991ccf04"/>
      <xplan:planinhalt xlink:href="#GML_dad56b10-e16d-565c-ac1d-fef5a9a3ece3"/>
      <xplan:planinhalt xlink:href="#GML_7f45105a-5e49-516d-b402-231733e2b239"/>
      <xplan:planinhalt xlink:href="#GML_9d8d7439-f725-5014-b369-4a02fe6e0f5f"/>
      <xplan:planinhalt xlink:href="#GML_7f528d43-7b12-5644-8641-111da7b534d7"/>
      <xplan:planinhalt xlink:href="#GML_654bedb6-d246-5620-8c2b-975c6bb8a20c"/>
      <xplan:planinhalt xlink:href="#GML_6ef5ec31-0a33-580d-8a9c-60fdf35f6d99"/>
      <xplan:planinhalt xlink:href="#GML_d2ecadf7-a507-5209-b148-3e57c0f44c23"/>
      <xplan:planinhalt xlink:href="#GML_f09d2818-169a-5de2-a6b0-bdf03a4f519c"/>
      <xplan:planinhalt xlink:href="#GML_63e1b250-ce8f-5cf6-938a-caea38d9d0e6"/>
      <xplan:planinhalt xlink:href="#GML_b461194e-0e2e-5300-8a41-a68e8974f0a2"/>
      <xplan:planinhalt xlink:href="#GML_f888537e-5f73-58aa-8b1c-2742062143c4"/>
      <xplan:planinhalt xlink:href="#GML_0ffa999a-e637-50cf-b542-183b31ffaf05"/>
      <xplan:planinhalt xlink:href="#GML_93549fe2-ff74-582d-b269-a48a8b7f2b79"/>
      <xplan:planinhalt xlink:href="#GML_6592a7b9-1afd-5a51-adc2-7d43c09ad193"/>
      <xplan:planinhalt xlink:href="#GML_0e476039-2412-5bfb-a50a-2298c988d46e"/>
      <xplan:planinhalt xlink:href="#GML_5fc2680d-a1fc-52c0-bec3-e1b6352cd452"/>
      <xplan:planinhalt xlink:href="#GML_99216895-2720-520d-81f7-5c643eb5903a"/>
      <xplan:planinhalt xlink:href="#GML_173ec02a-d433-5665-aad2-2b82490c2fcf"/>
      <xplan:planinhalt xlink:href="#GML_d7d6684f-7658-5980-ab3e-d30128fda04c"/>
      <xplan:planinhalt xlink:href="#GML_6577639b-ca9e-5fd1-87d8-5d8b23c7128d"/>
      <xplan:planinhalt xlink:href="#GML_e713259a-50db-55ab-ba14-c3c8317e687d"/>
      <xplan:planinhalt xlink:href="#GML_99940f9b-14f6-5a5c-9cf2-8d50ca76af5a"/>
      <xplan:planinhalt xlink:href="#GML_e82f2dea-019a-569c-8403-86b72bbbe55b"/>
      <xplan:planinhalt xlink:href="#GML_fbd6b151-4eb2-5525-a90a-6f6aad93b791"/>
      <xplan:planinhalt xlink:href="#GML_9aeb7d5a-e2cf-5ada-b3c5-4ba8981dc8bc"/>
      <xplan:planinhalt xlink:href="#GML_59ecda97-a5f9-501e-8580-bb6c6a2589e1"/>
      <xplan:planinhalt xlink:href="#GML_3cb20d3b-bd98-575c-b496-e2c03a6bf936"/>
      <xplan:planinhalt xlink:href="#GML_273c5d39-b905-5568-81b8-4f03dab856c4"/>
      <xplan:planinhalt xlink:href="#GML_c44124bf-fc75-5f18-8aa5-446897ba616a"/>
      <xplan:planinhalt xlink:href="#GML_8d98782b-34e9-5885-910e-66eade3ca06e"/>
      <xplan:planinhalt xlink:href="#GML_94c618df-7d2e-5d4f-b4c5-e86549b4c96f"/>
      <xplan:planinhalt xlink:href="#GML_dd7723bf-0ac8-5a3b-8ced-318eedda4c6a"/>
      <xplan:planinhalt xlink:href="#GML_b345e91a-dd8a-5c44-a52f-982c373f711e"/>
      <xplan:planinhalt xlink:href="#GML_838da9e2-235c-50b8-9755-af7e4ced795c"/>
      <xplan:planinhalt xlink:href="#GML_db3bbe82-fcd6-57cc-aafc-c5234ac3db55"/>
      <xplan:planinhalt xlink:href="#GML_2cc00f21-0af0-5086-8284-b3676e2bebe5"/>
      <xplan:planinhalt xlink:href="#GML_f8176701-9a40-52ba-ad80-b6fdafa89e77"/>
      <xplan:planinhalt xlink:href="#GML_b3657203-dd1f-5f53-916f-96704939e3b4"/>
      <xplan:planinhalt xlink:href="#GML_5c37aa76-b628-54be-be03-ff2a721f19af"/>
      <xplan:planinhalt xlink:href="#GML_22fa6a9b-b25e-5dc2-a918-6f555979c6f0"/>
      <xplan:planinhalt xlink:href="#GML_72c12005-88fa-5e9f-80b6-1ba4a43cf64d"/>
      <xplan:planinhalt xlink:href="#GML_2281981a-8a0b-5fc7-a6ce-2facf2af038e"/>
      <xplan:planinhalt xlink:href="#GML_754ec227-bb19-52ad-ae45-a045febf6016"/>
      <xplan:planinhalt xlink:href="#GML_5a3f737f-f120-5a69-90fe-a56862aff0ef"/>
      <xplan:planinhalt xlink:href="#GML_ff923c78-7445-5194-93a8-44b6a63cb724"/>
      <xplan:planinhalt xlink:href="#GML_e37fc625-9cfc-51ab-8cf0-c93eec7748b4"/>
      <xplan:planinhalt xlink:href="#GML_2bde88b2-e09c-52c9-8e72-bda40dfd61a5"/>
      <xplan:planinhalt xlink:href="#GML_9c887756-1010-5a8e-be90-cfc9118653ef"/>
      <xplan:planinhalt xlink:href="#GML_9a5be483-0fb9-5885-8e80-b359f356b2e0"/>
      <xplan:planinhalt xlink:href="#GML_21f5641c-7f9b-5679-8c9c-ad328d2b1d9c"/>
      <xplan:planinhalt xlink:href="#GML_3c7e9ddb-2a0e-544b-a547-4457a7632847"/>
      <xplan:planinhalt xlink:href="#GML_1fa08525-3758-5d1e-aed7-0d43eab20b2e"/>
      <xplan:planinhalt xlink:href="#GML_c4a571a4-49dd-5350-b226-917ab5427c74"/>
      <xplan:planinhalt xlink:href="#GML_18790fce-1bab-50db-b21b-739abbb501c0"/>
      <xplan:planinhalt xlink:href="#GML_ce3eb412-da9f-58e5-bf6e-e50f858a59ac"/>
      <xplan:planinhalt xlink:href="#GML_ea7b7b65-316b-5621-9eb0-0ebdbd838d25"/>
      <xplan:planinhalt xlink:href="#GML_e8bb2cbc-d5a5-5539-86ae-3ecd0ab21ed0"/>
      <xplan:planinhalt xlink:href="#GML_9b9e93e7-7962-55a0-a93b-6a197e9ac644"/>
      <xplan:planinhalt xlink:href="#GML_7f9d1f8e-4fff-5465-bd35-aea18837bcde"/>
      <xplan:planinhalt xlink:href="#GML_16a2e2dc-7c2b-52ba-b74c-de844873c9c5"/>
      <xplan:planinhalt xlink:href="#GML_2d9167aa-46f9-5a9c-81c5-7380ea055d2e"/>
      <xplan:planinhalt xlink:href="#GML_0917bd89-2b4f-5b3c-86d6-0664a06f8889"/>
      <xplan:planinhalt xlink:href="#GML_1c164c9c-5481-553f-be28-c03568def1a2"/>
      <xplan:planinhalt xlink:href="#GML_47cbc472-6685-51c8-abcd-69bb674784b7"/>
      <xplan:planinhalt xlink:href="#GML_ff222a7f-b2bd-5ef0-8c74-27fd3b53368f"/>
      <xplan:planinhalt xlink:href="#GML_eda50b5d-b034-507b-a512-4e15948aaa9c"/>
      <xplan:planinhalt xlink:href="#GML_e4f508ce-d141-5931-9aab-f059d568ab75"/>
      <xplan:planinhalt xlink:href="#GML_c8fdaa3b-b012-5f79-a67a-d0ed40581df1"/>
      <xplan:planinhalt xlink:href="#GML_e5b4032a-1ed8-5fc5-97df-994032af2019"/>
      <xplan:planinhalt xlink:href="#GML_9458a4e5-c512-5cd3-a0da-955bc962f3be"/>
      <xplan:planinhalt xlink:href="#GML_f028c4a8-388c-51d6-946e-d4951bb68a04"/>
      <xplan:planinhalt xlink:href="#GML_fe6df353-5676-5d27-a3b0-b5a0b606a413"/>
      <xplan:planinhalt xlink:href="#GML_84bd0d1f-db51-5e6f-afa8-31d2b5e42cab"/>
      <xplan:planinhalt xlink:href="#GML_0efd65c5-f62d-59fa-b708-d15d25205f62"/>
      <xplan:planinhalt xlink:href="#GML_463306c9-32a3-5015-9b5c-11fb7db231b6"/>
      <xplan:planinhalt xlink:href="#GML_72eecada-579c-51a0-8486-cd5e5fe9fee5"/>
      <xplan:planinhalt xlink:href="#GML_e62384bc-918b-5525-aa74-104240798831"/>
      <xplan:planinhalt xlink:href="#GML_3340fb5c-3218-5823-b7c4-ff7c683482fe"/>
      <xplan:planinhalt xlink:href="#GML_01ba687e-a703-5c6c-812d-3f319a244eb7"/>
      <xplan:planinhalt xlink:href="#GML_0094bdbc-14d7-56ca-92eb-387b9044fd1e"/>
      <xplan:planinhalt xlink:href="#GML_182f9237-0562-55ee-88ea-28272cd7c59e"/>
      <xplan:planinhalt xlink:href="#GML_da8a01a8-1a23-5834-be54-7bf687bd8c29"/>
      <xplan:planinhalt xlink:href="#GML_17c429f7-f02f-5455-9b71-3d3d89cf0953"/>
      <xplan:planinhalt xlink:href="#GML_d8488681-ba37-5818-9b12-294b16b7843a"/>
      <xplan:planinhalt xlink:href="#GML_ecc7ac9c-5b3b-5ec2-ba59-d74eb1afe6ad"/>
      <xplan:planinhalt xlink:href="#GML_8c912b3e-2153-5853-8034-56727a5edeba"/>
      <xplan:planinhalt xlink:href="#GML_3c6f67ed-60d8-53d5-a9c6-261e96976346"/>
      <xplan:planinhalt xlink:href="#GML_bb636e40-a98e-5065-b92c-d2f997a36c21"/>
      <xplan:planinhalt xlink:href="#GML_d967ba80-7762-5854-bfca-d578e5dc4f6f"/>
      <xplan:planinhalt xlink:href="#GML_6f576ab4-539b-5e1f-b2a3-9dd053fc9334"/>
      <xplan:planinhalt xlink:href="#GML_c300e71b-32fa-5170-881e-bb2ffb947247"/>
      <xplan:planinhalt xlink:href="#GML_86acd8c3-7943-5fed-8b98-250caf3f5298"/>
      <xplan:planinhalt xlink:href="#GML_b56a5e90-8b36-58c6-93d1-38b5540188e0"/>
      <xplan:planinhalt xlink:href="#GML_1bd80eb1-59fe-5c2e-be27-e6ac5d50c5fc"/>
      <xplan:planinhalt xlink:href="#GML_4c3fc5b9-9ce2-5cac-900f-6006982cc408"/>
      <xplan:planinhalt xlink:href="#GML_64321dc8-9bed-5734-8c79-56762f0d1b92"/>
      <xplan:planinhalt xlink:href="#GML_3ac92e1e-acdc-507c-bf89-69a3cb1e9682"/>
      <xplan:planinhalt xlink:href="#GML_638a728a-274a-5ebc-996e-83fd91ebbcfb"/>
      <xplan:planinhalt xlink:href="#GML_5fea5a5b-f1cd-520e-ad6b-39ce3f4b450b"/>
      <xplan:planinhalt xlink:href="#GML_b7d463fa-7fb3-532a-8984-b51f2eb64f29"/>
      <xplan:planinhalt xlink:href="#GML_ca98cc41-9f8d-557c-8392-c25531dfbd99"/>
      <xplan:planinhalt xlink:href="#GML_1a564bd2-5c54-5262-a3fe-e033a76ebc25"/>
      <xplan:planinhalt xlink:href="#GML_015fcea9-fcd6-5945-91cf-a2dcd12216e3"/>
      <xplan:planinhalt xlink:href="#GML_0a6d0edc-af5b-5c94-9ad8-901aaa1f4f11"/>
      <xplan:planinhalt xlink:href="#GML_c0b87001-f3b9-5b1c-ac68-38f46514d375"/>
      <xplan:planinhalt xlink:href="#GML_eb1553d1-54c7-5358-902a-5de818ef51c8"/>
      <xplan:planinhalt xlink:href="#GML_29d0ba73-c672-5fb1-abf7-f3d8040ac5d5"/>
      <xplan:planinhalt xlink:href="#GML_61378c25-e7e7-5f9b-8918-9322d39d5f9f"/>
      <xplan:planinhalt xlink:href="#GML_8b41e5b5-878c-5562-9972-8981458119e9"/>
      <xplan:planinhalt xlink:href="#GML_ade9f458-a19e-5056-885c-4c2f1c38cb81"/>
      <xplan:planinhalt xlink:href="#GML_41d4e461-46ca-5d19-a299-3e013f8ae632"/>
      <xplan:planinhalt xlink:href="#GML_f48a4550-b13b-5c4d-b706-b68e98b703ac"/>
      <xplan:planinhalt xlink:href="#GML_2253dcd3-b868-504c-bc0e-19796e0538a8"/>
      <xplan:planinhalt xlink:href="#GML_bcf89474-1709-5a64-a660-2cb81540461a"/>
      <xplan:planinhalt xlink:href="#GML_983c0d6a-d3f4-5ce8-9f96-969306363af0"/>
      <xplan:planinhalt xlink:href="#GML_f9b5fa84-b8ae-587b-b381-684cb6028a04"/>
      <xplan:planinhalt xlink:href="#GML_dffadaa8-cc82-53e7-8bf7-d6ff250236aa"/>
      <xplan:planinhalt xlink:href="#GML_972a3d97-007d-579b-8fe4-25d5ccdce18d"/>
      <xplan:planinhalt xlink:href="#GML_f2df7156-f4d2-5cbe-ad5a-4ff901452abc"/>
      <xplan:planinhalt xlink:href="#GML_37cb09b3-40b2-52d3-9ffd-221468e95dd1"/>
      <xplan:planinhalt xlink:href="#GML_f0ad24cd-b49d-5e85-bf9e-49c432f25e26"/>
      <xplan:planinhalt xlink:href="#GML_8ab32673-e6ce-5071-b53c-4e38391b14c2"/>
      <xplan:planinhalt xlink:href="#GML_6d29394c-b8ed-5d36-8bec-d5b6fe2107d0"/>
      <xplan:planinhalt xlink:href="#GML_0dd3c93f-c320-5909-a9d1-aaf27007a790"/>
      <xplan:planinhalt xlink:href="#GML_1fac994a-5ab9-560f-8800-224ea015972e"/>
      <xplan:planinhalt xlink:href="#GML_0364f8a8-4412-585a-8a67-425497654d7f"/>
      <xplan:planinhalt xlink:href="#GML_83dfcfb3-2507-522c-8035-64e174d754d0"/>
      <xplan:planinhalt xlink:href="#GML_2cceb396-40d4-5ca0-9662-f4862cdf074b"/>
      <xplan:planinhalt xlink:href="#GML_ebc8333e-a47d-587f-9a18-675b61ee3cae"/>
      <xplan:planinhalt xlink:href="#GML_0f823b3c-7b50-5507-b191-9ef4080a8ed0"/>
      <xplan:planinhalt xlink:href="#GML_e1cb9180-b8ef-5c59-aaa9-32d1ba2b3507"/>
      <xplan:planinhalt xlink:href="#GML_9ed3ec1c-4d55-593f-88b2-c0a102608902"/>
      <xplan:planinhalt xlink:href="#GML_93e6dee4-9710-5740-bcf0-fa49ebac3eb0"/>
      <xplan:planinhalt xlink:href="#GML_8d075d91-c071-55cc-9f25-5d56c8c87941"/>
      <xplan:planinhalt xlink:href="#GML_475fda6a-bfe9-55ca-ac75-b8874a027302"/>
      <xplan:planinhalt xlink:href="#GML_69f042fe-1100-54bc-9cbd-c84a79c9875c"/>
      <xplan:planinhalt xlink:href="#GML_bd5173e6-5d45-5861-add4-40bc1c7ec9bd"/>
      <xplan:planinhalt xlink:href="#GML_b05c6931-139a-5df6-a6d4-f0504096ca7f"/>
      <xplan:planinhalt xlink:href="#GML_6ce7acc3-792e-54f7-9361-84dbff63968c"/>
      <xplan:planinhalt xlink:href="#GML_069883e5-0363-55d1-b209-53de28865f9e"/>
      <xplan:planinhalt xlink:href="#GML_621e98ab-e307-5855-a235-5a749e619ab8"/>
      <xplan:planinhalt xlink:href="#GML_6375b912-cd01-54b9-9eb4-f1730fd2a70b"/>
      <xplan:planinhalt xlink:href="#GML_d35897b4-4e83-5774-93a7-387a66726b5d"/>
      <xplan:planinhalt xlink:href="#GML_00bd9078-1c4f-501e-8b40-85a1c397d7b8"/>
      <xplan:planinhalt xlink:href="#GML_ceef51f0-18f6-5b3a-8927-7802ab938e2b"/>
      <xplan:planinhalt xlink:href="#GML_ba8184be-68bb-5d1f-ba5d-1e7d91210c86"/>
      <xplan:planinhalt xlink:href="#GML_e6992f73-5b6b-55b4-8a79-72e41fabe9e2"/>
      <xplan:planinhalt xlink:href="#GML_d2f5bbc7-4883-51cf-abe5-72fbbcf5951f"/>
      <xplan:planinhalt xlink:href="#GML_c09cf114-f49d-5aad-8077-857c4bb0bc9f"/>
      <xplan:planinhalt xlink:href="#GML_784613f1-1d55-5ebf-9f4b-586283f11188"/>
      <xplan:planinhalt xlink:href="#GML_1dcff870-738b-5b74-9c2f-e57aa5008b57"/>
      <xplan:planinhalt xlink:href="#GML_97840a9b-376a-5594-8365-664c655ac8b3"/>
      <xplan:planinhalt xlink:href="#GML_b3040de8-262b-5a1f-8205-9c4ab3248432"/>
      <xplan:planinhalt xlink:href="#GML_92b4cc8c-5d68-5c1d-8102-b13827bc7f98"/>
      <xplan:planinhalt xlink:href="#GML_41a59c4e-ab98-558b-b9c8-9c11c161a206"/>
      <xplan:planinhalt xlink:href="#GML_7f321438-ffed-5c8b-9775-5ff8766fc816"/>
      <xplan:planinhalt xlink:href="#GML_5f0a81b3-0230-5124-b98b-c401367396d4"/>
      <xplan:planinhalt xlink:href="#GML_6ab370ca-2459-5c8a-bcdc-eac099c67ff7"/>
      <xplan:planinhalt xlink:href="#GML_fcffd519-393f-531b-bf38-58e21e30667d"/>
      <xplan:planinhalt xlink:href="#GML_3ed29dfc-4973-59e8-b9ad-aed0873234f2"/>
      <xplan:planinhalt xlink:href="#GML_8cafa1a1-9d62-50bf-ad32-1e17036faf8c"/>
      <xplan:planinhalt xlink:href="#GML_aa0ec417-441f-535d-8771-3150775abab0"/>
      <xplan:planinhalt xlink:href="#GML_614f0343-c99d-512a-9da3-ad4c398715c2"/>
      <xplan:planinhalt xlink:href="#GML_c4c6b641-950e-5055-9cee-8dc81d77470b"/>
      <xplan:planinhalt xlink:href="#GML_6d39c300-e904-5561-9841-ccf453e20e0d"/>
      <xplan:planinhalt xlink:href="#GML_f4d2d8dd-160c-5a0c-ac7f-798c1a4a60e8"/>
      <xplan:planinhalt xlink:href="#GML_ccfebd80-10c3-5ee1-93a0-59c32b17cd3c"/>
      <xplan:planinhalt xlink:href="#GML_2971560f-e92f-532c-980f-ff66d1a58b92"/>
      <xplan:planinhalt xlink:href="#GML_8084d0ef-80a4-5b7e-a7ab-4e479b3159b2"/>
      <xplan:planinhalt xlink:href="#GML_bcf0729e-01b3-5953-8428-ee08d946eb8e"/>
      <xplan:planinhalt xlink:href="#GML_bc4e26d4-a7f6-53b2-ab6d-2fa729322d01"/>
      <xplan:planinhalt xlink:href="#GML_bf9a8164-3fcf-5612-bcb8-8f78f8b61767"/>
      <xplan:planinhalt xlink:href="#GML_71a6e754-6313-5418-a729-686b9dc14208"/>
      <xplan:planinhalt xlink:href="#GML_ca0530b1-d2ec-5c10-b468-e2ec8371d657"/>
      <xplan:planinhalt xlink:href="#GML_96a63b7d-5703-5d3e-b573-5325c7fa357b"/>
      <xplan:planinhalt xlink:href="#GML_89cde3b1-d532-5b1b-9abe-7b07f8c0845e"/>
      <xplan:planinhalt xlink:href="#GML_1d09a05d-a1c0-57e2-8779-58ca0c6835ab"/>
      <xplan:planinhalt xlink:href="#GML_e3f056de-61f0-5ef9-99b2-ea5cde24ca9b"/>
      <xplan:verfahren>1000</xplan:verfahren>
      <xplan:gehoertZuPlan xlink:href="#GML_32c5ff0f-b7fd-5bcb-bf01-c55e5e710ee0"/>
    </xplan:BP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:SO_Strassenverkehr gml:id="GML_99946258-7a7d-5eb0-a2ca-cac6de397e7f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566655.000 5778992.068</gml:lowerCorner>
          <gml:upperCorner>566869.000 5779032.788</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Planstraße A</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:MultiSurface gml:id="GML_3c46fc1f-6176-531b-bd7b-a6c65c04abc2" srsName="EPSG:25832">
          <gml:surfaceMember>
            <gml:Polygon gml:id="GML_5c163590-3104-5e06-94f7-ffd63082827b" srsName="EPSG:25832">
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="2" count="5">566844.465 5779023.819 566655.000 5779001.132 566655.000 5778992.068 566845.535 5779014.883 566844.465 5779023.819</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon gml:id="GML_e90befb5-d3b8-5c04-ba1b-0b4457a210a4" srsName="EPSG:25832">
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="2" count="25">566865.485 5779012.303 566867.392 5779014.788 566868.591 5779017.682 566869.000 5779020.788 566868.591 5779023.894 566867.392 5779026.788 566865.485 5779029.273 566863.000 5779031.181 566860.106 5779032.379 566857.000 5779032.788 566853.894 5779032.379 566851.000 5779031.181 566848.515 5779029.273 566846.608 5779026.788 566845.409 5779023.894 566845.000 5779020.788 566845.409 5779017.682 566846.608 5779014.788 566848.515 5779012.303 566851.000 5779010.396 566853.894 5779009.197 566857.000 5779008.788 566860.106 5779009.197 566863.000 5779010.396 566865.485 5779012.303</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:name>Planstraße A</xplan:name>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
      <xplan:hatDarstellungMitBesondZweckbest>false</xplan:hatDarstellungMitBesondZweckbest>
    </xplan:SO_Strassenverkehr>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:SO_Strassenverkehr gml:id="GML_5e877664-0a2b-5415-85b2-9cddb3b834e0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566917.930 5778855.000</gml:lowerCorner>
          <gml:upperCorner>566938.970 5779195.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Planstraße B</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_63e8fda1-c4b4-5037-83e2-0f8200fd1e24" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566927.935 5778855.000 566938.970 5779195.000 566928.965 5779195.000 566917.930 5778855.000 566927.935 5778855.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:name>Planstraße B</xplan:name>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
      <xplan:hatDarstellungMitBesondZweckbest>false</xplan:hatDarstellungMitBesondZweckbest>
    </xplan:SO_Strassenverkehr>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:SO_Strassenverkehr gml:id="GML_5fffa24f-fa64-54f7-9968-d7ac41547097">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566933.482 5779025.918</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779047.328</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Planstraße C</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_3cbf7eae-4dd0-570c-b8e7-f38731c0ee6e" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566933.745 5779034.006 566933.482 5779025.918 567045.000 5779039.271 567045.000 5779047.328 566933.745 5779034.006</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:artDerFestlegung>
        <xplan:SO_KomplexeZweckbestStrassenverkehr>
          <xplan:allgemein>14000</xplan:allgemein>
        </xplan:SO_KomplexeZweckbestStrassenverkehr>
      </xplan:artDerFestlegung>
      <xplan:name>Planstraße C</xplan:name>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
      <xplan:hatDarstellungMitBesondZweckbest>true</xplan:hatDarstellungMitBesondZweckbest>
    </xplan:SO_Strassenverkehr>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:SO_Strassenverkehr gml:id="GML_6fec25f3-86da-5110-98e2-50d84e604a89">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566690.000 5779145.000</gml:lowerCorner>
          <gml:upperCorner>566927.781 5779165.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Planstraße D</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:MultiSurface gml:id="GML_61ddfd93-e4c7-5349-a280-972257adbe4f" srsName="EPSG:25832">
          <gml:surfaceMember>
            <gml:Polygon gml:id="GML_7694ae53-6af9-574a-959a-e90e6c3efb8e" srsName="EPSG:25832">
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="2" count="25">566690.000 5779155.000 566690.341 5779152.412 566691.340 5779150.000 566692.929 5779147.929 566695.000 5779146.340 566697.412 5779145.341 566700.000 5779145.000 566702.588 5779145.341 566705.000 5779146.340 566707.071 5779147.929 566708.660 5779150.000 566709.659 5779152.412 566710.000 5779155.000 566709.659 5779157.588 566708.660 5779160.000 566707.071 5779162.071 566705.000 5779163.660 566702.588 5779164.659 566700.000 5779165.000 566697.412 5779164.659 566695.000 5779163.660 566692.929 5779162.071 566691.340 5779160.000 566690.341 5779157.588 566690.000 5779155.000</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon gml:id="GML_46866d1e-d56b-569c-acbb-6cedb1c8a12a" srsName="EPSG:25832">
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="2" count="6">566710.000 5779151.500 566927.553 5779151.500 566927.781 5779158.500 566710.000 5779158.500 566710.000 5779155.000 566710.000 5779151.500</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:artDerFestlegung>
        <xplan:SO_KomplexeZweckbestStrassenverkehr>
          <xplan:allgemein>14000</xplan:allgemein>
        </xplan:SO_KomplexeZweckbestStrassenverkehr>
      </xplan:artDerFestlegung>
      <xplan:name>Planstraße D</xplan:name>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
      <xplan:hatDarstellungMitBesondZweckbest>true</xplan:hatDarstellungMitBesondZweckbest>
    </xplan:SO_Strassenverkehr>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:SO_Strassenverkehr gml:id="GML_bb8e859d-64d2-50c9-bcc0-7129fe8bd4e9">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566690.000 5778915.000</gml:lowerCorner>
          <gml:upperCorner>566920.316 5778935.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Planstraße E</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:MultiSurface gml:id="GML_68e30cff-6c2d-529a-a53c-0b1ed89988a3" srsName="EPSG:25832">
          <gml:surfaceMember>
            <gml:Polygon gml:id="GML_2c61da15-d24e-5f75-8407-e897b06fe0dd" srsName="EPSG:25832">
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="2" count="25">566690.000 5778925.000 566690.341 5778922.412 566691.340 5778920.000 566692.929 5778917.929 566695.000 5778916.340 566697.412 5778915.341 566700.000 5778915.000 566702.588 5778915.341 566705.000 5778916.340 566707.071 5778917.929 566708.660 5778920.000 566709.659 5778922.412 566710.000 5778925.000 566709.659 5778927.588 566708.660 5778930.000 566707.071 5778932.071 566705.000 5778933.660 566702.588 5778934.659 566700.000 5778935.000 566697.412 5778934.659 566695.000 5778933.660 566692.929 5778932.071 566691.340 5778930.000 566690.341 5778927.588 566690.000 5778925.000</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
          <gml:surfaceMember>
            <gml:Polygon gml:id="GML_9a53b4eb-26a6-55be-ba06-82a2b1bdec82" srsName="EPSG:25832">
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="2" count="6">566710.000 5778921.500 566920.089 5778921.500 566920.316 5778928.500 566710.000 5778928.500 566710.000 5778925.000 566710.000 5778921.500</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:artDerFestlegung>
        <xplan:SO_KomplexeZweckbestStrassenverkehr>
          <xplan:allgemein>14000</xplan:allgemein>
        </xplan:SO_KomplexeZweckbestStrassenverkehr>
      </xplan:artDerFestlegung>
      <xplan:name>Planstraße E</xplan:name>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
      <xplan:hatDarstellungMitBesondZweckbest>true</xplan:hatDarstellungMitBesondZweckbest>
    </xplan:SO_Strassenverkehr>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:SO_Strassenverkehr gml:id="GML_d3aeba40-2bb8-58fc-854e-cda29a31df50">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566868.474 5779020.202</gml:lowerCorner>
          <gml:upperCorner>566923.635 5779030.781</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Fuß- und Radweg</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9507676b-79a7-514d-bef0-fe6add64d04d" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="7">566868.474 5779024.176 566868.591 5779023.894 566869.000 5779020.788 566868.923 5779020.202 566923.504 5779026.738 566923.635 5779030.781 566868.474 5779024.176</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:artDerFestlegung>
        <xplan:SO_KomplexeZweckbestStrassenverkehr>
          <xplan:allgemein>14003</xplan:allgemein>
        </xplan:SO_KomplexeZweckbestStrassenverkehr>
      </xplan:artDerFestlegung>
      <xplan:name>Fuß- und Radweg</xplan:name>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
      <xplan:hatDarstellungMitBesondZweckbest>true</xplan:hatDarstellungMitBesondZweckbest>
    </xplan:SO_Strassenverkehr>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_9eaec6e8-cde5-5d33-99c8-c1a564b28468">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566936.439 5779117.000</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779195.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>1000</xplan:hoehenbezug>
          <xplan:bezugspunkt>3000</xplan:bezugspunkt>
          <xplan:hMax uom="m">109.0</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>MI</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_bf5a1ede-767b-56ad-af93-4bad80863630" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566936.439 5779117.000 567045.000 5779117.000 567045.000 5779195.000 566938.970 5779195.000 566936.439 5779117.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>1.2</xplan:GFZ>
      <xplan:GRZ>0.6</xplan:GRZ>
      <xplan:Z>3</xplan:Z>
      <xplan:allgArtDerBaulNutzung>2000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1500</xplan:besondereArtDerBaulNutzung>
      <xplan:bauweise>1000</xplan:bauweise>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_61c9e7ab-573f-5c87-ac7e-5e14a555a94c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566927.935 5778855.000</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779039.271</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>3000</xplan:hoehenbezug>
          <xplan:bezugspunkt>3000</xplan:bezugspunkt>
          <xplan:hMax uom="m">12.5</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>WA 2</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_819ecae3-3e3e-5b17-90fa-7b2f3801db40" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566927.935 5778855.000 567045.000 5778855.000 567045.000 5779039.271 566933.482 5779025.918 566927.935 5778855.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>1.2</xplan:GFZ>
      <xplan:GRZ>0.4</xplan:GRZ>
      <xplan:Z>3</xplan:Z>
      <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:bauweise>1000</xplan:bauweise>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_98e7cede-be30-5d25-a3bf-afd67172e069">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566655.000 5778855.000</gml:lowerCorner>
          <gml:upperCorner>566923.504 5779026.738</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>2000</xplan:hoehenbezug>
          <xplan:bezugspunkt>1000</xplan:bezugspunkt>
          <xplan:hMax uom="m">6.5</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>2000</xplan:hoehenbezug>
          <xplan:bezugspunkt>2000</xplan:bezugspunkt>
          <xplan:hMax uom="m">10.0</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>WA 1</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_d37c6c33-0e06-5e1e-b3ca-9f79667f2880" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="25">566655.000 5778855.000 566917.930 5778855.000 566920.088 5778921.500 566710.000 5778921.500 566710.000 5778925.000 566710.000 5778928.500 566920.316 5778928.500 566923.504 5779026.738 566868.923 5779020.202 566868.591 5779017.682 566867.392 5779014.788 566865.485 5779012.303 566863.000 5779010.396 566860.106 5779009.197 566857.000 5779008.788 566853.894 5779009.197 566851.000 5779010.396 566848.515 5779012.303 566846.608 5779014.788 566845.409 5779017.682 566845.186 5779019.376 566845.000 5779019.354 566845.535 5779014.883 566655.000 5778992.068 566655.000 5778855.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
          <gml:interior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="25">566690.000 5778925.000 566690.341 5778927.588 566691.340 5778930.000 566692.929 5778932.071 566695.000 5778933.660 566697.412 5778934.659 566700.000 5778935.000 566702.588 5778934.659 566705.000 5778933.660 566707.071 5778932.071 566708.660 5778930.000 566709.659 5778927.588 566710.000 5778925.000 566709.659 5778922.412 566708.660 5778920.000 566707.071 5778917.929 566705.000 5778916.340 566702.588 5778915.341 566700.000 5778915.000 566697.412 5778915.341 566695.000 5778916.340 566692.929 5778917.929 566691.340 5778920.000 566690.341 5778922.412 566690.000 5778925.000</gml:posList>
            </gml:LinearRing>
          </gml:interior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>0.8</xplan:GFZ>
      <xplan:GRZ>0.4</xplan:GRZ>
      <xplan:Z>2</xplan:Z>
      <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:bauweise>1000</xplan:bauweise>
      <xplan:bebauungsArt>4000</xplan:bebauungsArt>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_2965474e-b5d0-5916-856d-2536e6126508">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566655.000 5779001.132</gml:lowerCorner>
          <gml:upperCorner>566928.965 5779195.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>2000</xplan:hoehenbezug>
          <xplan:bezugspunkt>1000</xplan:bezugspunkt>
          <xplan:hMax uom="m">6.5</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>2000</xplan:hoehenbezug>
          <xplan:bezugspunkt>2000</xplan:bezugspunkt>
          <xplan:hMax uom="m">10.0</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>WA 1</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_c4bb102f-cc9d-5759-a7a3-71ec11777929" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="13">566655.000 5779001.132 566805.000 5779019.093 566805.000 5779110.000 566925.000 5779110.000 566925.000 5779072.839 566927.553 5779151.500 566710.000 5779151.500 566710.000 5779155.000 566710.000 5779158.500 566927.780 5779158.500 566928.965 5779195.000 566655.000 5779195.000 566655.000 5779001.132</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
          <gml:interior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="25">566690.000 5779155.000 566690.341 5779157.588 566691.340 5779160.000 566692.929 5779162.071 566695.000 5779163.660 566697.412 5779164.659 566700.000 5779165.000 566702.588 5779164.659 566705.000 5779163.660 566707.071 5779162.071 566708.660 5779160.000 566709.659 5779157.588 566710.000 5779155.000 566709.659 5779152.412 566708.660 5779150.000 566707.071 5779147.929 566705.000 5779146.340 566702.588 5779145.341 566700.000 5779145.000 566697.412 5779145.341 566695.000 5779146.340 566692.929 5779147.929 566691.340 5779150.000 566690.341 5779152.412 566690.000 5779155.000</gml:posList>
            </gml:LinearRing>
          </gml:interior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>0.8</xplan:GFZ>
      <xplan:GRZ>0.4</xplan:GRZ>
      <xplan:Z>2</xplan:Z>
      <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:bauweise>1000</xplan:bauweise>
      <xplan:bebauungsArt>4000</xplan:bebauungsArt>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_5365c84d-67bf-53b3-82ed-7a7758a72287">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566933.745 5779034.006</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779117.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>2000</xplan:hoehenbezug>
          <xplan:bezugspunkt>1000</xplan:bezugspunkt>
          <xplan:hMax uom="m">6.5</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:hoehenangabe>
        <xplan:XP_Hoehenangabe>
          <xplan:hoehenbezug>2000</xplan:hoehenbezug>
          <xplan:bezugspunkt>2000</xplan:bezugspunkt>
          <xplan:hMax uom="m">10.0</xplan:hMax>
        </xplan:XP_Hoehenangabe>
      </xplan:hoehenangabe>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>WA 1</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9eef88d6-f6f2-5c61-8a76-8dfe1999818f" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566933.745 5779034.006 567045.000 5779047.328 567045.000 5779117.000 566936.439 5779117.000 566933.745 5779034.006</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GFZ>0.8</xplan:GFZ>
      <xplan:GRZ>0.4</xplan:GRZ>
      <xplan:Z>2</xplan:Z>
      <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
      <xplan:bauweise>1000</xplan:bauweise>
      <xplan:bebauungsArt>4000</xplan:bebauungsArt>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_GruenFlaeche gml:id="GML_5c4ff8a7-9211-53c4-9ad4-8642971dcf33">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566805.000 5779019.093</gml:lowerCorner>
          <gml:upperCorner>566925.000 5779110.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Parkanlage</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_99e2d5fb-3ff9-5f82-a263-5985a3641c38" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="21">566805.000 5779019.093 566844.465 5779023.819 566845.000 5779019.354 566845.186 5779019.376 566845.000 5779020.788 566845.409 5779023.894 566846.608 5779026.788 566848.515 5779029.273 566851.000 5779031.181 566853.894 5779032.379 566857.000 5779032.788 566860.106 5779032.379 566863.000 5779031.181 566865.485 5779029.273 566867.392 5779026.788 566868.474 5779024.176 566923.635 5779030.781 566925.000 5779072.839 566925.000 5779110.000 566805.000 5779110.000 566805.000 5779019.093</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
          <gml:interior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566845.000 5779060.000 566845.000 5779095.000 566885.000 5779095.000 566885.000 5779060.000 566845.000 5779060.000</gml:posList>
            </gml:LinearRing>
          </gml:interior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:zweckbestimmung>
        <xplan:BP_KomplexeZweckbestGruen>
          <xplan:allgemein>1000</xplan:allgemein>
        </xplan:BP_KomplexeZweckbestGruen>
      </xplan:zweckbestimmung>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
    </xplan:BP_GruenFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_GruenFlaeche gml:id="GML_d9d3744c-f027-52fd-9743-441b69a6c6a5">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566845.000 5779060.000</gml:lowerCorner>
          <gml:upperCorner>566885.000 5779095.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:aufschrift>Spielplatz</xplan:aufschrift>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_77f2e29d-b525-5d20-b8a3-021d1c883132" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566885.000 5779060.000 566885.000 5779095.000 566845.000 5779095.000 566845.000 5779060.000 566885.000 5779060.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:zweckbestimmung>
        <xplan:BP_KomplexeZweckbestGruen>
          <xplan:allgemein>1600</xplan:allgemein>
        </xplan:BP_KomplexeZweckbestGruen>
      </xplan:zweckbestimmung>
      <xplan:nutzungsform>2000</xplan:nutzungsform>
    </xplan:BP_GruenFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_4a85e3b3-7e57-5c2b-9413-496d4191e46f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566939.538 5779120.000</gml:lowerCorner>
          <gml:upperCorner>566955.085 5779137.122</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_273590a7-77cb-5787-8f20-94cfce915b34" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566939.538 5779120.000 566940.093 5779137.122 566955.085 5779136.635 566954.545 5779120.000 566939.538 5779120.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_348d4049-3b8f-53c3-9c81-4e0811698530">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566939.538 5779120.000</gml:lowerCorner>
          <gml:upperCorner>566955.085 5779137.122</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_041b5501-116f-5747-a51c-4dc8f7cee583" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566939.538 5779120.000 566954.545 5779120.000 566955.085 5779136.635 566940.093 5779137.122 566939.538 5779120.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_4a85e3b3-7e57-5c2b-9413-496d4191e46f"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_60781a54-e92d-5037-a31b-ad9c6a0b416e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566940.654 5779153.929</gml:lowerCorner>
          <gml:upperCorner>566956.253 5779173.103</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_2bfa2b3b-6612-5050-85cb-29e92f25b32c" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566940.654 5779154.415 566941.261 5779173.103 566956.253 5779172.616 566955.646 5779153.929 566940.654 5779154.415</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_b7968920-4a2e-54c8-ab07-bb3081366358">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566940.654 5779153.929</gml:lowerCorner>
          <gml:upperCorner>566956.253 5779173.103</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_66e7b4fb-0e17-5b24-bccf-1b4bb19dc272" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566940.654 5779154.415 566955.646 5779153.929 566956.253 5779172.616 566941.261 5779173.103 566940.654 5779154.415</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_60781a54-e92d-5037-a31b-ad9c6a0b416e"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_c7eac3e0-356c-5775-be29-17ab32d565ea">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566931.034 5778858.000</gml:lowerCorner>
          <gml:upperCorner>566945.928 5778885.759</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_19adad32-c184-5716-b103-f316a5676277" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="7">566931.034 5778858.000 566931.935 5778885.759 566945.928 5778885.305 566945.820 5778882.000 566943.935 5778882.000 566943.935 5778858.000 566931.034 5778858.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_4dcb949c-825b-5b94-b086-a3a9c8734fb7">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566931.034 5778858.000</gml:lowerCorner>
          <gml:upperCorner>566945.928 5778885.759</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_8e6ac7c8-e9c6-5460-99e5-3fb30ad43fa7" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="7">566931.034 5778858.000 566943.935 5778858.000 566943.935 5778882.000 566945.820 5778882.000 566945.928 5778885.305 566931.935 5778885.759 566931.034 5778858.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_c7eac3e0-356c-5775-be29-17ab32d565ea"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_d9ffb76a-3ed5-573a-976f-fc04875ac8f4">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566953.935 5778858.000</gml:lowerCorner>
          <gml:upperCorner>566985.935 5778872.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_c822f166-1b91-5cc3-a7c6-c1b170058819" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566953.935 5778858.000 566953.935 5778872.000 566985.935 5778872.000 566985.935 5778858.000 566953.935 5778858.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_7678be1d-971e-58f9-8fd0-af535c5a373a">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566953.935 5778858.000</gml:lowerCorner>
          <gml:upperCorner>566985.935 5778872.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_b5615117-89a2-5f5d-bb79-5554e3d45651" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566953.935 5778858.000 566985.935 5778858.000 566985.935 5778872.000 566953.935 5778872.000 566953.935 5778858.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_d9ffb76a-3ed5-573a-976f-fc04875ac8f4"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_033914d6-fc6b-5620-86ee-c58ae99fdf7e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566995.935 5778858.000</gml:lowerCorner>
          <gml:upperCorner>567027.935 5778872.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_595ef25d-e27d-50a4-93a2-bd2ea92d507d" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="7">566995.935 5778858.000 566995.935 5778872.000 567018.000 5778872.000 567018.000 5778871.000 567027.935 5778871.000 567027.935 5778858.000 566995.935 5778858.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_1e5850ab-382d-5c8d-a1de-3b88991ccf04">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566995.935 5778858.000</gml:lowerCorner>
          <gml:upperCorner>567027.935 5778872.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_ae4e9e5b-bc71-5171-8394-0aee326c36d3" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="7">566995.935 5778858.000 567027.935 5778858.000 567027.935 5778871.000 567018.000 5778871.000 567018.000 5778872.000 566995.935 5778872.000 566995.935 5778858.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_033914d6-fc6b-5620-86ee-c58ae99fdf7e"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_dad56b10-e16d-565c-ac1d-fef5a9a3ece3">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567028.000 5778881.000</gml:lowerCorner>
          <gml:upperCorner>567042.000 5778913.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_f608b413-3b9e-5729-a823-7f7815924507" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="7">567028.000 5778882.000 567028.000 5778913.000 567042.000 5778913.000 567042.000 5778881.000 567037.935 5778881.000 567037.935 5778882.000 567028.000 5778882.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_7f45105a-5e49-516d-b402-231733e2b239">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567028.000 5778881.000</gml:lowerCorner>
          <gml:upperCorner>567042.000 5778913.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_4ad9f9d2-04bb-579e-81e6-cbc7ca2b60bb" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="7">567028.000 5778882.000 567037.935 5778882.000 567037.935 5778881.000 567042.000 5778881.000 567042.000 5778913.000 567028.000 5778913.000 567028.000 5778882.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_dad56b10-e16d-565c-ac1d-fef5a9a3ece3"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_9d8d7439-f725-5014-b369-4a02fe6e0f5f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566932.322 5778897.223</gml:lowerCorner>
          <gml:upperCorner>566947.352 5778929.661</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_9ea803be-4722-548e-8776-a84507a55446" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566932.322 5778897.678 566933.360 5778929.661 566947.352 5778929.207 566946.314 5778897.223 566932.322 5778897.678</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_7f528d43-7b12-5644-8641-111da7b534d7">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566932.322 5778897.223</gml:lowerCorner>
          <gml:upperCorner>566947.352 5778929.661</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_4a1f7007-7735-596d-a4e0-8018b30d2b2d" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566932.322 5778897.678 566946.314 5778897.223 566947.352 5778929.207 566933.360 5778929.661 566932.322 5778897.678</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_9d8d7439-f725-5014-b369-4a02fe6e0f5f"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_654bedb6-d246-5620-8c2b-975c6bb8a20c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567028.000 5778923.000</gml:lowerCorner>
          <gml:upperCorner>567042.000 5778955.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_abd539f7-522c-5a63-8a47-b1ba8ae6111a" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">567028.000 5778923.000 567028.000 5778955.000 567042.000 5778955.000 567042.000 5778923.000 567028.000 5778923.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_6ef5ec31-0a33-580d-8a9c-60fdf35f6d99">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567028.000 5778923.000</gml:lowerCorner>
          <gml:upperCorner>567042.000 5778955.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_ebdffde7-3986-5cf4-a311-2f597bdefb17" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">567028.000 5778923.000 567042.000 5778923.000 567042.000 5778955.000 567028.000 5778955.000 567028.000 5778923.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_654bedb6-d246-5620-8c2b-975c6bb8a20c"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_d2ecadf7-a507-5209-b148-3e57c0f44c23">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566934.142 5778953.296</gml:lowerCorner>
          <gml:upperCorner>566948.714 5778971.639</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_59c47c1f-6dd0-59a9-af89-da0450b0c082" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566934.142 5778953.750 566934.722 5778971.639 566948.714 5778971.185 566948.134 5778953.296 566934.142 5778953.750</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_f09d2818-169a-5de2-a6b0-bdf03a4f519c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566934.142 5778953.296</gml:lowerCorner>
          <gml:upperCorner>566948.714 5778971.639</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9def13de-47b6-5120-957d-825c758505e8" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566934.142 5778953.750 566948.134 5778953.296 566948.714 5778971.185 566934.722 5778971.639 566934.142 5778953.750</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_d2ecadf7-a507-5209-b148-3e57c0f44c23"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_63e1b250-ce8f-5cf6-938a-caea38d9d0e6">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567028.000 5778965.000</gml:lowerCorner>
          <gml:upperCorner>567042.000 5778997.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_3133c542-6217-5d9f-bc70-1b1d6e04ce47" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">567028.000 5778965.000 567028.000 5778997.000 567042.000 5778997.000 567042.000 5778965.000 567028.000 5778965.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_b461194e-0e2e-5300-8a41-a68e8974f0a2">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567028.000 5778965.000</gml:lowerCorner>
          <gml:upperCorner>567042.000 5778997.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_0ab6a9be-3cd9-5c57-85f6-b0f640e4e91c" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">567028.000 5778965.000 567042.000 5778965.000 567042.000 5778997.000 567028.000 5778997.000 567028.000 5778965.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_63e1b250-ce8f-5cf6-938a-caea38d9d0e6"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_f888537e-5f73-58aa-8b1c-2742062143c4">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566973.347 5779013.769</gml:lowerCorner>
          <gml:upperCorner>567002.876 5779031.006</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_5257438b-8d5b-5294-b50f-1baef8f09e32" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566973.347 5779027.670 567001.212 5779031.006 567002.876 5779017.106 566975.011 5779013.769 566973.347 5779027.670</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_0ffa999a-e637-50cf-b542-183b31ffaf05">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566973.347 5779013.769</gml:lowerCorner>
          <gml:upperCorner>567002.876 5779031.006</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_8913f02b-0d6e-5217-852f-f45078b2f097" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566973.347 5779027.670 566975.011 5779013.769 567002.876 5779017.106 567001.212 5779031.006 566973.347 5779027.670</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_f888537e-5f73-58aa-8b1c-2742062143c4"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_93549fe2-ff74-582d-b269-a48a8b7f2b79">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566665.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566683.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_913eeb99-982f-59a6-820a-c73c88ac1322" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566665.000 5778860.000 566665.000 5778874.000 566683.000 5778874.000 566683.000 5778860.000 566665.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_6592a7b9-1afd-5a51-adc2-7d43c09ad193">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566665.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566683.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_2db23cd8-8ea5-5d1c-bbfa-15afa611844f" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566665.000 5778860.000 566683.000 5778860.000 566683.000 5778874.000 566665.000 5778874.000 566665.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_93549fe2-ff74-582d-b269-a48a8b7f2b79"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_0e476039-2412-5bfb-a50a-2298c988d46e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566689.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566707.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_7d429a9f-4460-5984-af47-88749339146c" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566689.000 5778860.000 566689.000 5778874.000 566707.000 5778874.000 566707.000 5778860.000 566689.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_5fc2680d-a1fc-52c0-bec3-e1b6352cd452">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566689.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566707.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_dc7dbd54-4b7a-54a3-9a64-db91f8def15c" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566689.000 5778860.000 566707.000 5778860.000 566707.000 5778874.000 566689.000 5778874.000 566689.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_0e476039-2412-5bfb-a50a-2298c988d46e"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_99216895-2720-520d-81f7-5c643eb5903a">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566713.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566731.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_6ffec48c-7be1-51b7-a89f-fb833b667fa7" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566713.000 5778860.000 566713.000 5778874.000 566731.000 5778874.000 566731.000 5778860.000 566713.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_173ec02a-d433-5665-aad2-2b82490c2fcf">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566713.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566731.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_8669c805-7bac-5281-a5c4-12d200ce2460" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566713.000 5778860.000 566731.000 5778860.000 566731.000 5778874.000 566713.000 5778874.000 566713.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_99216895-2720-520d-81f7-5c643eb5903a"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_d7d6684f-7658-5980-ab3e-d30128fda04c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566737.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566755.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_84e1ccd9-76a2-592e-8d49-e3a31beb5a02" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566737.000 5778860.000 566737.000 5778874.000 566755.000 5778874.000 566755.000 5778860.000 566737.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_6577639b-ca9e-5fd1-87d8-5d8b23c7128d">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566737.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566755.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_86900ff2-5e4a-5687-ac5a-77e8f8346f34" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566737.000 5778860.000 566755.000 5778860.000 566755.000 5778874.000 566737.000 5778874.000 566737.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_d7d6684f-7658-5980-ab3e-d30128fda04c"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_e713259a-50db-55ab-ba14-c3c8317e687d">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566761.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566779.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_1284917e-8add-5de6-a52e-67e1b897f194" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566761.000 5778860.000 566761.000 5778874.000 566779.000 5778874.000 566779.000 5778860.000 566761.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_99940f9b-14f6-5a5c-9cf2-8d50ca76af5a">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566761.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566779.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_77bd357c-a30a-5cd9-9ae7-a8ecfeb5ec23" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566761.000 5778860.000 566779.000 5778860.000 566779.000 5778874.000 566761.000 5778874.000 566761.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_e713259a-50db-55ab-ba14-c3c8317e687d"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_e82f2dea-019a-569c-8403-86b72bbbe55b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566785.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566803.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_625f1bba-fd1a-59b8-9d8d-27bd79a64fd8" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566785.000 5778860.000 566785.000 5778874.000 566803.000 5778874.000 566803.000 5778860.000 566785.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_fbd6b151-4eb2-5525-a90a-6f6aad93b791">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566785.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566803.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_4f9b13f9-6614-5b98-a620-f9959684217d" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566785.000 5778860.000 566803.000 5778860.000 566803.000 5778874.000 566785.000 5778874.000 566785.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_e82f2dea-019a-569c-8403-86b72bbbe55b"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_9aeb7d5a-e2cf-5ada-b3c5-4ba8981dc8bc">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566809.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566827.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_62a8447c-bf5a-57c9-a66d-35e6b71ab7f6" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566809.000 5778860.000 566809.000 5778874.000 566827.000 5778874.000 566827.000 5778860.000 566809.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_59ecda97-a5f9-501e-8580-bb6c6a2589e1">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566809.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566827.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_29ec92c3-b7f8-5ca2-8301-8a21cdd60c65" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566809.000 5778860.000 566827.000 5778860.000 566827.000 5778874.000 566809.000 5778874.000 566809.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_9aeb7d5a-e2cf-5ada-b3c5-4ba8981dc8bc"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_3cb20d3b-bd98-575c-b496-e2c03a6bf936">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566833.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566851.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_d370b58c-7e6f-589b-a81f-a8e0d4edcf84" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566833.000 5778860.000 566833.000 5778874.000 566851.000 5778874.000 566851.000 5778860.000 566833.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_273c5d39-b905-5568-81b8-4f03dab856c4">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566833.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566851.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9533f443-f256-5649-bf58-25b1ec264891" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566833.000 5778860.000 566851.000 5778860.000 566851.000 5778874.000 566833.000 5778874.000 566833.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_3cb20d3b-bd98-575c-b496-e2c03a6bf936"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_c44124bf-fc75-5f18-8aa5-446897ba616a">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566857.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566875.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_fdebdfc5-425f-5f7a-9faa-79974752d557" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566857.000 5778860.000 566857.000 5778874.000 566875.000 5778874.000 566875.000 5778860.000 566857.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_8d98782b-34e9-5885-910e-66eade3ca06e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566857.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566875.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9a5f4c8d-1ec9-5e59-8561-98e20db86243" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566857.000 5778860.000 566875.000 5778860.000 566875.000 5778874.000 566857.000 5778874.000 566857.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_c44124bf-fc75-5f18-8aa5-446897ba616a"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_94c618df-7d2e-5d4f-b4c5-e86549b4c96f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566881.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566899.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_950f05ae-5058-5ecf-b5b6-3871ec12a384" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="7">566881.000 5778860.000 566881.000 5778874.000 566899.000 5778874.000 566899.000 5778861.815 566889.146 5778862.135 566889.077 5778860.000 566881.000 5778860.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_dd7723bf-0ac8-5a3b-8ced-318eedda4c6a">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566881.000 5778860.000</gml:lowerCorner>
          <gml:upperCorner>566899.000 5778874.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_1a3edf2d-c09f-5bac-b94a-7b9f8107fda8" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="7">566881.000 5778860.000 566889.077 5778860.000 566889.146 5778862.135 566899.000 5778861.815 566899.000 5778874.000 566881.000 5778874.000 566881.000 5778860.000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_94c618df-7d2e-5d4f-b4c5-e86549b4c96f"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_b345e91a-dd8a-5c44-a52f-982c373f711e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566749.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566764.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_63cc62da-bb2d-5642-b376-0eac2b4e2c7d" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566749.000 5778902.500 566749.000 5778916.500 566764.426 5778916.500 566764.426 5778902.500 566749.000 5778902.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_838da9e2-235c-50b8-9755-af7e4ced795c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566749.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566764.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_657a1770-00ef-56b4-8e87-0c4a6dbcd2f6" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566749.000 5778902.500 566764.426 5778902.500 566764.426 5778916.500 566749.000 5778916.500 566749.000 5778902.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_b345e91a-dd8a-5c44-a52f-982c373f711e"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_db3bbe82-fcd6-57cc-aafc-c5234ac3db55">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566773.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566788.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_7d8a7e23-34fb-52ef-84b5-cf638115bb33" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566773.000 5778902.500 566773.000 5778916.500 566788.426 5778916.500 566788.426 5778902.500 566773.000 5778902.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_2cc00f21-0af0-5086-8284-b3676e2bebe5">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566773.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566788.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_55adc9bc-31ca-51b3-b930-d7568c21f8f1" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566773.000 5778902.500 566788.426 5778902.500 566788.426 5778916.500 566773.000 5778916.500 566773.000 5778902.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_db3bbe82-fcd6-57cc-aafc-c5234ac3db55"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_f8176701-9a40-52ba-ad80-b6fdafa89e77">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566797.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566812.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_3f02a289-5fef-56c7-9019-025641f12be7" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566797.000 5778902.500 566797.000 5778916.500 566812.426 5778916.500 566812.426 5778902.500 566797.000 5778902.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_b3657203-dd1f-5f53-916f-96704939e3b4">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566797.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566812.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_a65aa432-6a3d-5c6c-85d1-3ca7c94b84df" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566797.000 5778902.500 566812.426 5778902.500 566812.426 5778916.500 566797.000 5778916.500 566797.000 5778902.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_f8176701-9a40-52ba-ad80-b6fdafa89e77"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_5c37aa76-b628-54be-be03-ff2a721f19af">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566821.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566836.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_52b3377e-63ba-5984-ab8e-d5ecab9f8b88" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566821.000 5778902.500 566821.000 5778916.500 566836.426 5778916.500 566836.426 5778902.500 566821.000 5778902.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_22fa6a9b-b25e-5dc2-a918-6f555979c6f0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566821.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566836.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_25b21845-fb7c-551a-b8f8-95d7acc7ab8c" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566821.000 5778902.500 566836.426 5778902.500 566836.426 5778916.500 566821.000 5778916.500 566821.000 5778902.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_5c37aa76-b628-54be-be03-ff2a721f19af"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_72c12005-88fa-5e9f-80b6-1ba4a43cf64d">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566845.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566860.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_01dc1977-b82b-5d4c-a743-3bb696359190" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566845.000 5778902.500 566845.000 5778916.500 566860.426 5778916.500 566860.426 5778902.500 566845.000 5778902.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_2281981a-8a0b-5fc7-a6ce-2facf2af038e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566845.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566860.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_a9594d96-827d-55f6-ba7b-5a541c5b864c" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566845.000 5778902.500 566860.426 5778902.500 566860.426 5778916.500 566845.000 5778916.500 566845.000 5778902.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_72c12005-88fa-5e9f-80b6-1ba4a43cf64d"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_754ec227-bb19-52ad-ae45-a045febf6016">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566869.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566884.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_97e135f8-70b3-5882-831a-3f3d2cc6846f" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566869.000 5778902.500 566869.000 5778916.500 566884.426 5778916.500 566884.426 5778902.500 566869.000 5778902.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_5a3f737f-f120-5a69-90fe-a56862aff0ef">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566869.000 5778902.500</gml:lowerCorner>
          <gml:upperCorner>566884.426 5778916.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_edcc9d56-3f02-5ff2-9b83-284973d9fb67" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566869.000 5778902.500 566884.426 5778902.500 566884.426 5778916.500 566869.000 5778916.500 566869.000 5778902.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_754ec227-bb19-52ad-ae45-a045febf6016"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_ff923c78-7445-5194-93a8-44b6a63cb724">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566725.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566740.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_629c0c9e-2c2f-5053-831d-b26a5e08cf16" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566725.000 5778933.500 566725.000 5778947.500 566740.426 5778947.500 566740.426 5778933.500 566725.000 5778933.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_e37fc625-9cfc-51ab-8cf0-c93eec7748b4">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566725.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566740.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_8614ead4-e3da-5332-89cd-8f0fe37e20e6" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566725.000 5778933.500 566740.426 5778933.500 566740.426 5778947.500 566725.000 5778947.500 566725.000 5778933.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_ff923c78-7445-5194-93a8-44b6a63cb724"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_2bde88b2-e09c-52c9-8e72-bda40dfd61a5">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566749.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566764.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_cc168aca-48b5-5b7f-966e-fc01c657e4ba" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566749.000 5778933.500 566749.000 5778947.500 566764.426 5778947.500 566764.426 5778933.500 566749.000 5778933.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_9c887756-1010-5a8e-be90-cfc9118653ef">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566749.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566764.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9c53d8fc-510c-55cd-8acd-5f93ef60c18f" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566749.000 5778933.500 566764.426 5778933.500 566764.426 5778947.500 566749.000 5778947.500 566749.000 5778933.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_2bde88b2-e09c-52c9-8e72-bda40dfd61a5"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_9a5be483-0fb9-5885-8e80-b359f356b2e0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566773.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566788.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_ac02e699-2310-50d2-9563-45153bd3e878" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566773.000 5778933.500 566773.000 5778947.500 566788.426 5778947.500 566788.426 5778933.500 566773.000 5778933.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_21f5641c-7f9b-5679-8c9c-ad328d2b1d9c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566773.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566788.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_c0fb71d1-bba2-529a-a719-81b758a17c5f" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566773.000 5778933.500 566788.426 5778933.500 566788.426 5778947.500 566773.000 5778947.500 566773.000 5778933.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_9a5be483-0fb9-5885-8e80-b359f356b2e0"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_3c7e9ddb-2a0e-544b-a547-4457a7632847">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566797.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566812.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_846e39f5-3738-5992-8cb5-62a14c9503f7" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566797.000 5778933.500 566797.000 5778947.500 566812.426 5778947.500 566812.426 5778933.500 566797.000 5778933.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_1fa08525-3758-5d1e-aed7-0d43eab20b2e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566797.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566812.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_6cd49b0c-5e05-50a1-9b5f-57d3a533e9da" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566797.000 5778933.500 566812.426 5778933.500 566812.426 5778947.500 566797.000 5778947.500 566797.000 5778933.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_3c7e9ddb-2a0e-544b-a547-4457a7632847"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_c4a571a4-49dd-5350-b226-917ab5427c74">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566821.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566836.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_ae7e0c1f-b699-569a-ade3-ca909eec1e8f" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566821.000 5778933.500 566821.000 5778947.500 566836.426 5778947.500 566836.426 5778933.500 566821.000 5778933.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_18790fce-1bab-50db-b21b-739abbb501c0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566821.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566836.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_0bc394b7-6b91-551f-ae72-3edc72eef259" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566821.000 5778933.500 566836.426 5778933.500 566836.426 5778947.500 566821.000 5778947.500 566821.000 5778933.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_c4a571a4-49dd-5350-b226-917ab5427c74"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_ce3eb412-da9f-58e5-bf6e-e50f858a59ac">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566845.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566860.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_f9b00d3a-27fd-5149-9562-28bf60d8e148" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566845.000 5778933.500 566845.000 5778947.500 566860.426 5778947.500 566860.426 5778933.500 566845.000 5778933.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_ea7b7b65-316b-5621-9eb0-0ebdbd838d25">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566845.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566860.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_960900a4-316e-5424-a188-ae5f40a378b6" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566845.000 5778933.500 566860.426 5778933.500 566860.426 5778947.500 566845.000 5778947.500 566845.000 5778933.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_ce3eb412-da9f-58e5-bf6e-e50f858a59ac"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_e8bb2cbc-d5a5-5539-86ae-3ecd0ab21ed0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566869.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566884.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_3670f8a6-af78-5375-bb02-74618e441ed9" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566869.000 5778933.500 566869.000 5778947.500 566884.426 5778947.500 566884.426 5778933.500 566869.000 5778933.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_9b9e93e7-7962-55a0-a93b-6a197e9ac644">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566869.000 5778933.500</gml:lowerCorner>
          <gml:upperCorner>566884.426 5778947.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_3449c597-feea-5d28-9a32-23a1ac4add20" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566869.000 5778933.500 566884.426 5778933.500 566884.426 5778947.500 566869.000 5778947.500 566869.000 5778933.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_e8bb2cbc-d5a5-5539-86ae-3ecd0ab21ed0"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_7f9d1f8e-4fff-5465-bd35-aea18837bcde">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566902.775 5778973.324</gml:lowerCorner>
          <gml:upperCorner>566917.089 5778983.671</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_c0c945bd-6ce9-5e70-94b1-2ea710c04311" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566902.775 5778973.778 566903.096 5778983.671 566917.089 5778983.217 566916.767 5778973.324 566902.775 5778973.778</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_16a2e2dc-7c2b-52ba-b74c-de844873c9c5">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566902.775 5778973.324</gml:lowerCorner>
          <gml:upperCorner>566917.089 5778983.671</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_0701fd73-b1ef-567d-aad1-2c74395b6cab" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566902.775 5778973.778 566916.767 5778973.324 566917.089 5778983.217 566903.096 5778983.671 566902.775 5778973.778</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_7f9d1f8e-4fff-5465-bd35-aea18837bcde"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_2d9167aa-46f9-5a9c-81c5-7380ea055d2e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566670.385 5778974.973</gml:lowerCorner>
          <gml:upperCorner>566682.198 5778990.090</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_b52bf533-36c9-5229-bcdc-1ccad9af93a9" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566670.385 5778988.875 566680.533 5778990.090 566682.198 5778976.189 566672.049 5778974.973 566670.385 5778988.875</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_0917bd89-2b4f-5b3c-86d6-0664a06f8889">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566670.385 5778974.973</gml:lowerCorner>
          <gml:upperCorner>566682.198 5778990.090</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_53ad7990-c76e-5980-bdba-61f4977b0c37" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566670.385 5778988.875 566672.049 5778974.973 566682.198 5778976.189 566680.533 5778990.090 566670.385 5778988.875</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_2d9167aa-46f9-5a9c-81c5-7380ea055d2e"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_1c164c9c-5481-553f-be28-c03568def1a2">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566694.214 5778977.827</gml:lowerCorner>
          <gml:upperCorner>566706.028 5778992.944</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_eb45fe46-fe00-5739-9ae1-c836de6c4963" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566694.214 5778991.728 566704.363 5778992.944 566706.028 5778979.042 566695.879 5778977.827 566694.214 5778991.728</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_47cbc472-6685-51c8-abcd-69bb674784b7">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566694.214 5778977.827</gml:lowerCorner>
          <gml:upperCorner>566706.028 5778992.944</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_3db5ee93-fef8-5059-a1bd-3a29b5d9d25c" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566694.214 5778991.728 566695.879 5778977.827 566706.028 5778979.042 566704.363 5778992.944 566694.214 5778991.728</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_1c164c9c-5481-553f-be28-c03568def1a2"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_ff222a7f-b2bd-5ef0-8c74-27fd3b53368f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566718.044 5778980.680</gml:lowerCorner>
          <gml:upperCorner>566729.858 5778995.797</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_a8897db4-9ca8-5c40-a7ba-ef7b4061da44" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566718.044 5778994.582 566728.193 5778995.797 566729.858 5778981.896 566719.709 5778980.680 566718.044 5778994.582</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_eda50b5d-b034-507b-a512-4e15948aaa9c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566718.044 5778980.680</gml:lowerCorner>
          <gml:upperCorner>566729.858 5778995.797</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_6ffdfbce-ebef-51b2-95c3-496814045fc6" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566718.044 5778994.582 566719.709 5778980.680 566729.858 5778981.896 566728.193 5778995.797 566718.044 5778994.582</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_ff222a7f-b2bd-5ef0-8c74-27fd3b53368f"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_e4f508ce-d141-5931-9aab-f059d568ab75">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566741.874 5778983.534</gml:lowerCorner>
          <gml:upperCorner>566753.688 5778998.650</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_872b9e3c-9ee5-5262-91a9-fd4e875484fd" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566741.874 5778997.435 566752.023 5778998.650 566753.688 5778984.749 566743.539 5778983.534 566741.874 5778997.435</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_c8fdaa3b-b012-5f79-a67a-d0ed40581df1">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566741.874 5778983.534</gml:lowerCorner>
          <gml:upperCorner>566753.688 5778998.650</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_545fb56d-c6b1-5c0c-8a24-94e0bdbe0564" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566741.874 5778997.435 566743.539 5778983.534 566753.688 5778984.749 566752.023 5778998.650 566741.874 5778997.435</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_e4f508ce-d141-5931-9aab-f059d568ab75"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_e5b4032a-1ed8-5fc5-97df-994032af2019">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566765.704 5778986.387</gml:lowerCorner>
          <gml:upperCorner>566777.517 5779001.504</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_1cf1a412-b6e4-595c-b4e0-7e0f088774e1" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566765.704 5779000.289 566775.853 5779001.504 566777.517 5778987.603 566767.368 5778986.387 566765.704 5779000.289</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_9458a4e5-c512-5cd3-a0da-955bc962f3be">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566765.704 5778986.387</gml:lowerCorner>
          <gml:upperCorner>566777.517 5779001.504</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_e0156d71-6dc0-54f0-9582-9fc65c4eae8f" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566765.704 5779000.289 566767.368 5778986.387 566777.517 5778987.603 566775.853 5779001.504 566765.704 5779000.289</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_e5b4032a-1ed8-5fc5-97df-994032af2019"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_f028c4a8-388c-51d6-946e-d4951bb68a04">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566789.533 5778989.241</gml:lowerCorner>
          <gml:upperCorner>566801.347 5779004.357</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_e23cea19-2c59-57df-8ff8-ac321f7bae27" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566789.533 5779003.142 566799.682 5779004.357 566801.347 5778990.456 566791.198 5778989.241 566789.533 5779003.142</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_fe6df353-5676-5d27-a3b0-b5a0b606a413">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566789.533 5778989.241</gml:lowerCorner>
          <gml:upperCorner>566801.347 5779004.357</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_79c89333-c025-5086-950c-fe27e5162dde" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566789.533 5779003.142 566791.198 5778989.241 566801.347 5778990.456 566799.682 5779004.357 566789.533 5779003.142</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_f028c4a8-388c-51d6-946e-d4951bb68a04"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_84bd0d1f-db51-5e6f-afa8-31d2b5e42cab">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566813.363 5778992.094</gml:lowerCorner>
          <gml:upperCorner>566825.177 5779007.211</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_1083ddf9-2bdf-517f-9e1f-a514c42276fb" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566813.363 5779005.995 566823.513 5779007.211 566825.177 5778993.310 566815.028 5778992.094 566813.363 5779005.995</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_0efd65c5-f62d-59fa-b708-d15d25205f62">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566813.363 5778992.094</gml:lowerCorner>
          <gml:upperCorner>566825.177 5779007.211</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_b716e10b-5dc6-5b38-975c-2d5c751f33e9" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566813.363 5779005.995 566815.028 5778992.094 566825.177 5778993.310 566823.513 5779007.211 566813.363 5779005.995</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_84bd0d1f-db51-5e6f-afa8-31d2b5e42cab"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_463306c9-32a3-5015-9b5c-11fb7db231b6">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566903.553 5778997.311</gml:lowerCorner>
          <gml:upperCorner>566917.867 5779007.659</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_1e7611c9-2f11-57be-884d-5372a3f0ac14" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566903.553 5778997.766 566903.874 5779007.659 566917.867 5779007.205 566917.546 5778997.311 566903.553 5778997.766</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_72eecada-579c-51a0-8486-cd5e5fe9fee5">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566903.553 5778997.311</gml:lowerCorner>
          <gml:upperCorner>566917.867 5779007.659</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_b19dac7f-a577-58e2-b23b-a4560cdbc229" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566903.553 5778997.766 566917.546 5778997.311 566917.867 5779007.205 566903.874 5779007.659 566903.553 5778997.766</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_463306c9-32a3-5015-9b5c-11fb7db231b6"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_e62384bc-918b-5525-aa74-104240798831">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566674.224 5779008.669</gml:lowerCorner>
          <gml:upperCorner>566687.172 5779023.921</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_7039f235-dfd7-503f-bf55-f3d3f2118967" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566674.224 5779022.570 566685.507 5779023.921 566687.172 5779010.020 566675.889 5779008.669 566674.224 5779022.570</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_3340fb5c-3218-5823-b7c4-ff7c683482fe">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566674.224 5779008.669</gml:lowerCorner>
          <gml:upperCorner>566687.172 5779023.921</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_73eae171-79e1-520c-8123-38bfaa02e848" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566674.224 5779022.570 566675.889 5779008.669 566687.172 5779010.020 566685.507 5779023.921 566674.224 5779022.570</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_e62384bc-918b-5525-aa74-104240798831"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_01ba687e-a703-5c6c-812d-3f319a244eb7">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566698.054 5779011.522</gml:lowerCorner>
          <gml:upperCorner>566711.002 5779026.774</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_49a158d5-caf4-5146-a613-b27722573327" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566698.054 5779025.423 566709.337 5779026.774 566711.002 5779012.874 566699.718 5779011.522 566698.054 5779025.423</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_0094bdbc-14d7-56ca-92eb-387b9044fd1e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566698.054 5779011.522</gml:lowerCorner>
          <gml:upperCorner>566711.002 5779026.774</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_a2e03a1f-1083-5f2d-85b1-cf6c780271fb" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566698.054 5779025.423 566699.718 5779011.522 566711.002 5779012.874 566709.337 5779026.774 566698.054 5779025.423</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_01ba687e-a703-5c6c-812d-3f319a244eb7"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_182f9237-0562-55ee-88ea-28272cd7c59e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566721.884 5779014.376</gml:lowerCorner>
          <gml:upperCorner>566734.831 5779029.628</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_196d992d-155b-59bb-bece-e41b235faf83" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566721.884 5779028.277 566733.167 5779029.628 566734.831 5779015.727 566723.548 5779014.376 566721.884 5779028.277</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_da8a01a8-1a23-5834-be54-7bf687bd8c29">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566721.884 5779014.376</gml:lowerCorner>
          <gml:upperCorner>566734.831 5779029.628</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9872553a-9d50-5db8-b0d1-b4a86de261e5" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566721.884 5779028.277 566723.548 5779014.376 566734.831 5779015.727 566733.167 5779029.628 566721.884 5779028.277</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_182f9237-0562-55ee-88ea-28272cd7c59e"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_17c429f7-f02f-5455-9b71-3d3d89cf0953">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566745.714 5779017.229</gml:lowerCorner>
          <gml:upperCorner>566758.660 5779032.481</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_7eb5a65c-18a5-5cf2-8915-26a461f508a0" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566745.714 5779031.130 566756.996 5779032.481 566758.660 5779018.580 566747.378 5779017.229 566745.714 5779031.130</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_d8488681-ba37-5818-9b12-294b16b7843a">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566745.714 5779017.229</gml:lowerCorner>
          <gml:upperCorner>566758.660 5779032.481</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_6ef52abf-73ef-50f2-8865-883bfbbae2b9" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566745.714 5779031.130 566747.378 5779017.229 566758.660 5779018.580 566756.996 5779032.481 566745.714 5779031.130</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_17c429f7-f02f-5455-9b71-3d3d89cf0953"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_ecc7ac9c-5b3b-5ec2-ba59-d74eb1afe6ad">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566769.543 5779020.083</gml:lowerCorner>
          <gml:upperCorner>566782.491 5779035.335</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_82eb96a0-9062-579d-b59f-b5a56922179a" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566769.543 5779033.983 566780.826 5779035.335 566782.491 5779021.434 566771.208 5779020.083 566769.543 5779033.983</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_8c912b3e-2153-5853-8034-56727a5edeba">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566769.543 5779020.083</gml:lowerCorner>
          <gml:upperCorner>566782.491 5779035.335</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_8aa541cd-e150-506a-a4a2-3f28df919c3a" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566769.543 5779033.983 566771.208 5779020.083 566782.491 5779021.434 566780.826 5779035.335 566769.543 5779033.983</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_ecc7ac9c-5b3b-5ec2-ba59-d74eb1afe6ad"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_3c6f67ed-60d8-53d5-a9c6-261e96976346">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566793.373 5779022.936</gml:lowerCorner>
          <gml:upperCorner>566802.000 5779037.870</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_4db6356f-e0c7-50aa-8700-d4550426a87a" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566793.373 5779036.837 566802.000 5779037.870 566802.000 5779023.770 566795.037 5779022.936 566793.373 5779036.837</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_bb636e40-a98e-5065-b92c-d2f997a36c21">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566793.373 5779022.936</gml:lowerCorner>
          <gml:upperCorner>566802.000 5779037.870</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_af87d10c-fa8d-53a6-83c3-cc5976c88456" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566793.373 5779036.837 566795.037 5779022.936 566802.000 5779023.770 566802.000 5779037.870 566793.373 5779036.837</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_3c6f67ed-60d8-53d5-a9c6-261e96976346"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_d967ba80-7762-5854-bfca-d578e5dc4f6f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566731.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566739.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_41851270-da5b-5fe7-a02e-251ccb28442f" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566731.485 5779132.500 566731.485 5779146.500 566739.500 5779146.500 566739.500 5779132.500 566731.485 5779132.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_6f576ab4-539b-5e1f-b2a3-9dd053fc9334">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566731.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566739.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_5dcdc1c5-da94-5428-96d4-a1cee57789f9" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566731.485 5779132.500 566739.500 5779132.500 566739.500 5779146.500 566731.485 5779146.500 566731.485 5779132.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_d967ba80-7762-5854-bfca-d578e5dc4f6f"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_c300e71b-32fa-5170-881e-bb2ffb947247">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566755.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566763.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_b77eb571-b29d-55db-8124-f2c954320335" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566755.485 5779132.500 566755.485 5779146.500 566763.500 5779146.500 566763.500 5779132.500 566755.485 5779132.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_86acd8c3-7943-5fed-8b98-250caf3f5298">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566755.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566763.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_5f0f7dcc-047a-5fad-8a98-ba5f0094e815" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566755.485 5779132.500 566763.500 5779132.500 566763.500 5779146.500 566755.485 5779146.500 566755.485 5779132.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_c300e71b-32fa-5170-881e-bb2ffb947247"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_b56a5e90-8b36-58c6-93d1-38b5540188e0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566779.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566787.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_11be6cf3-75b9-5574-8f33-d88c7b973a38" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566779.485 5779132.500 566779.485 5779146.500 566787.500 5779146.500 566787.500 5779132.500 566779.485 5779132.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_1bd80eb1-59fe-5c2e-be27-e6ac5d50c5fc">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566779.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566787.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_05e3eb35-c1ee-5f4d-a03d-d411f0189a91" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566779.485 5779132.500 566787.500 5779132.500 566787.500 5779146.500 566779.485 5779146.500 566779.485 5779132.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_b56a5e90-8b36-58c6-93d1-38b5540188e0"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_4c3fc5b9-9ce2-5cac-900f-6006982cc408">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566803.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566811.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_28b4d9a9-aa42-515a-ac49-4966aa9455b7" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566803.485 5779132.500 566803.485 5779146.500 566811.500 5779146.500 566811.500 5779132.500 566803.485 5779132.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_64321dc8-9bed-5734-8c79-56762f0d1b92">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566803.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566811.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_85f9368e-b6f1-54d1-b80d-7c83259613db" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566803.485 5779132.500 566811.500 5779132.500 566811.500 5779146.500 566803.485 5779146.500 566803.485 5779132.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_4c3fc5b9-9ce2-5cac-900f-6006982cc408"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_3ac92e1e-acdc-507c-bf89-69a3cb1e9682">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566827.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566835.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_d689fef9-63d5-595a-9b9a-f12cb055102a" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566827.485 5779132.500 566827.485 5779146.500 566835.500 5779146.500 566835.500 5779132.500 566827.485 5779132.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_638a728a-274a-5ebc-996e-83fd91ebbcfb">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566827.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566835.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_3d6dd734-507b-5d46-99d9-923aa149bc25" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566827.485 5779132.500 566835.500 5779132.500 566835.500 5779146.500 566827.485 5779146.500 566827.485 5779132.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_3ac92e1e-acdc-507c-bf89-69a3cb1e9682"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_5fea5a5b-f1cd-520e-ad6b-39ce3f4b450b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566851.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566859.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_8e103486-ca0e-5451-ba6a-709e63c39443" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566851.485 5779132.500 566851.485 5779146.500 566859.500 5779146.500 566859.500 5779132.500 566851.485 5779132.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_b7d463fa-7fb3-532a-8984-b51f2eb64f29">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566851.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566859.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_14a7a313-df72-5794-bbef-b38da33e69dc" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566851.485 5779132.500 566859.500 5779132.500 566859.500 5779146.500 566851.485 5779146.500 566851.485 5779132.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_5fea5a5b-f1cd-520e-ad6b-39ce3f4b450b"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_ca98cc41-9f8d-557c-8392-c25531dfbd99">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566875.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566883.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_6ba9f142-5568-5c65-a5cf-2ecd2c69f929" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566875.485 5779132.500 566875.485 5779146.500 566883.500 5779146.500 566883.500 5779132.500 566875.485 5779132.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_1a564bd2-5c54-5262-a3fe-e033a76ebc25">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566875.485 5779132.500</gml:lowerCorner>
          <gml:upperCorner>566883.500 5779146.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_3b49329f-37b9-5521-bbfd-5fbda1b76510" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566875.485 5779132.500 566883.500 5779132.500 566883.500 5779146.500 566875.485 5779146.500 566875.485 5779132.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_ca98cc41-9f8d-557c-8392-c25531dfbd99"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_015fcea9-fcd6-5945-91cf-a2dcd12216e3">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566755.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566763.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_caeb8738-ddbf-5cb5-be87-06b75db3f773" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566755.485 5779163.500 566755.485 5779177.500 566763.500 5779177.500 566763.500 5779163.500 566755.485 5779163.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_0a6d0edc-af5b-5c94-9ad8-901aaa1f4f11">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566755.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566763.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_4348d28c-e631-5aab-812a-5ffeb7d050d6" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566755.485 5779163.500 566763.500 5779163.500 566763.500 5779177.500 566755.485 5779177.500 566755.485 5779163.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_015fcea9-fcd6-5945-91cf-a2dcd12216e3"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_c0b87001-f3b9-5b1c-ac68-38f46514d375">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566779.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566787.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_59b5279b-c439-5a14-a9cb-f75bbb3362b9" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566779.485 5779163.500 566779.485 5779177.500 566787.500 5779177.500 566787.500 5779163.500 566779.485 5779163.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_eb1553d1-54c7-5358-902a-5de818ef51c8">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566779.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566787.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_6e603163-46bc-50a8-804e-cbf878ccacf6" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566779.485 5779163.500 566787.500 5779163.500 566787.500 5779177.500 566779.485 5779177.500 566779.485 5779163.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_c0b87001-f3b9-5b1c-ac68-38f46514d375"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_29d0ba73-c672-5fb1-abf7-f3d8040ac5d5">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566803.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566811.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_49cd300e-bbd6-5b10-8f86-b411c36e7c4e" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566803.485 5779163.500 566803.485 5779177.500 566811.500 5779177.500 566811.500 5779163.500 566803.485 5779163.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_61378c25-e7e7-5f9b-8918-9322d39d5f9f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566803.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566811.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_9c4d1b1a-0031-58f2-9d84-c4b9570985d8" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566803.485 5779163.500 566811.500 5779163.500 566811.500 5779177.500 566803.485 5779177.500 566803.485 5779163.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_29d0ba73-c672-5fb1-abf7-f3d8040ac5d5"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_8b41e5b5-878c-5562-9972-8981458119e9">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566827.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566835.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_f3448531-d0fa-5d47-b419-1ece31a03950" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566827.485 5779163.500 566827.485 5779177.500 566835.500 5779177.500 566835.500 5779163.500 566827.485 5779163.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_ade9f458-a19e-5056-885c-4c2f1c38cb81">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566827.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566835.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_7ba1bfc5-d5fd-5859-9ec2-21f2235c1d98" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566827.485 5779163.500 566835.500 5779163.500 566835.500 5779177.500 566827.485 5779177.500 566827.485 5779163.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_8b41e5b5-878c-5562-9972-8981458119e9"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_41d4e461-46ca-5d19-a299-3e013f8ae632">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566851.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566859.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_d1279982-1032-54df-b1a2-8d3391c691c8" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566851.485 5779163.500 566851.485 5779177.500 566859.500 5779177.500 566859.500 5779163.500 566851.485 5779163.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_f48a4550-b13b-5c4d-b706-b68e98b703ac">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566851.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566859.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_1a215736-433f-5d6f-8d16-4c23e6871a4f" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566851.485 5779163.500 566859.500 5779163.500 566859.500 5779177.500 566851.485 5779177.500 566851.485 5779163.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_41d4e461-46ca-5d19-a299-3e013f8ae632"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_2253dcd3-b868-504c-bc0e-19796e0538a8">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566875.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566883.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_12235734-34f7-508c-a75b-adcee83c1eed" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566875.485 5779163.500 566875.485 5779177.500 566883.500 5779177.500 566883.500 5779163.500 566875.485 5779163.500</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_bcf89474-1709-5a64-a660-2cb81540461a">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566875.485 5779163.500</gml:lowerCorner>
          <gml:upperCorner>566883.500 5779177.500</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_39b6258c-8eba-5b91-85b5-ccee2401d3eb" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566875.485 5779163.500 566883.500 5779163.500 566883.500 5779177.500 566875.485 5779177.500 566875.485 5779163.500</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_2253dcd3-b868-504c-bc0e-19796e0538a8"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_983c0d6a-d3f4-5ce8-9f96-969306363af0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566958.376 5779042.549</gml:lowerCorner>
          <gml:upperCorner>566969.011 5779057.166</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_a25dceea-ccac-5f51-a34f-4d3062489a4e" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="7">566958.376 5779056.091 566967.347 5779057.166 566969.011 5779043.265 566963.038 5779042.549 566963.115 5779044.942 566959.697 5779045.053 566958.376 5779056.091</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_f9b5fa84-b8ae-587b-b381-684cb6028a04">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566958.376 5779042.549</gml:lowerCorner>
          <gml:upperCorner>566969.011 5779057.166</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_af1b787b-4c27-54db-98e1-bd8bbcc28262" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="7">566958.376 5779056.091 566959.697 5779045.053 566963.115 5779044.942 566963.038 5779042.549 566969.011 5779043.265 566967.347 5779057.166 566958.376 5779056.091</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_983c0d6a-d3f4-5ce8-9f96-969306363af0"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_dffadaa8-cc82-53e7-8bf7-d6ff250236aa">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566982.206 5779045.044</gml:lowerCorner>
          <gml:upperCorner>566992.842 5779060.019</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_5c49c1b4-f711-59a9-8fc7-ba7e9c2f63ab" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566982.206 5779058.945 566991.177 5779060.019 566992.842 5779046.118 566983.870 5779045.044 566982.206 5779058.945</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_972a3d97-007d-579b-8fe4-25d5ccdce18d">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566982.206 5779045.044</gml:lowerCorner>
          <gml:upperCorner>566992.842 5779060.019</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_3c26b690-629b-503e-a851-8849fcfb777d" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566982.206 5779058.945 566983.870 5779045.044 566992.842 5779046.118 566991.177 5779060.019 566982.206 5779058.945</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_dffadaa8-cc82-53e7-8bf7-d6ff250236aa"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_f2df7156-f4d2-5cbe-ad5a-4ff901452abc">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567006.035 5779047.897</gml:lowerCorner>
          <gml:upperCorner>567016.671 5779062.873</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_d2edace0-506b-5e81-84e0-54cd8ccb5e3c" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">567006.035 5779061.798 567015.006 5779062.873 567016.671 5779048.971 567007.699 5779047.897 567006.035 5779061.798</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_37cb09b3-40b2-52d3-9ffd-221468e95dd1">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567006.035 5779047.897</gml:lowerCorner>
          <gml:upperCorner>567016.671 5779062.873</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_8ba591c8-2986-51dd-a0fb-e7538460a9b6" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">567006.035 5779061.798 567007.699 5779047.897 567016.671 5779048.971 567015.006 5779062.873 567006.035 5779061.798</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_f2df7156-f4d2-5cbe-ad5a-4ff901452abc"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_f0ad24cd-b49d-5e85-bf9e-49c432f25e26">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567029.865 5779050.750</gml:lowerCorner>
          <gml:upperCorner>567040.501 5779065.726</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_96b7c49a-0a4f-5eee-8fcf-5006b6d5a3ca" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">567029.865 5779064.652 567038.836 5779065.726 567040.501 5779051.824 567031.529 5779050.750 567029.865 5779064.652</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_8ab32673-e6ce-5071-b53c-4e38391b14c2">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567029.865 5779050.750</gml:lowerCorner>
          <gml:upperCorner>567040.501 5779065.726</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_1278a2b0-be7b-575a-9a4c-02d34dc2c9ab" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">567029.865 5779064.652 567031.529 5779050.750 567040.501 5779051.824 567038.836 5779065.726 567029.865 5779064.652</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_f0ad24cd-b49d-5e85-bf9e-49c432f25e26"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BauGrenze gml:id="GML_6d29394c-b8ed-5d36-8bec-d5b6fe2107d0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566940.685 5779093.241</gml:lowerCorner>
          <gml:upperCorner>566955.113 5779107.104</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_8ddd9e14-72ec-5fbd-9b1d-42690db279e4" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="5">566940.685 5779093.695 566941.120 5779107.104 566955.113 5779106.650 566954.678 5779093.241 566940.685 5779093.695</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_BauGrenze>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_0dd3c93f-c320-5909-a9d1-aaf27007a790">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566940.685 5779093.241</gml:lowerCorner>
          <gml:upperCorner>566955.113 5779107.104</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_fb93cb57-c081-51c2-b03e-d9c3cf2b80a2" srsName="EPSG:25832">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2" count="5">566940.685 5779093.695 566954.678 5779093.241 566955.113 5779106.650 566941.120 5779107.104 566940.685 5779093.695</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
      <xplan:baugrenze xlink:href="#GML_6d29394c-b8ed-5d36-8bec-d5b6fe2107d0"/>
    </xplan:BP_UeberbaubareGrundstuecksFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_1fac994a-5ab9-560f-8800-224ea015972e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566710.000 5778855.000</gml:lowerCorner>
          <gml:upperCorner>566920.088 5778925.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_e07d349d-7a63-5c10-b1be-f8f2175e2a79" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="4">566917.930 5778855.000 566920.088 5778921.500 566710.000 5778921.500 566710.000 5778925.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_0364f8a8-4412-585a-8a67-425497654d7f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566927.935 5778855.000</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779039.271</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_9c68ed8d-8449-585d-9d93-5d62f4e5039e" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="3">567045.000 5779039.271 566933.482 5779025.918 566927.935 5778855.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_83dfcfb3-2507-522c-8035-64e174d754d0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566690.000 5778915.000</gml:lowerCorner>
          <gml:upperCorner>566710.000 5778935.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_58785e77-a5bf-56b6-95c0-0d1bb3169637" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="25">566710.000 5778925.000 566709.659 5778922.412 566708.660 5778920.000 566707.071 5778917.929 566705.000 5778916.340 566702.588 5778915.341 566700.000 5778915.000 566697.412 5778915.341 566695.000 5778916.340 566692.929 5778917.929 566691.340 5778920.000 566690.341 5778922.412 566690.000 5778925.000 566690.341 5778927.588 566691.340 5778930.000 566692.929 5778932.071 566695.000 5778933.660 566697.412 5778934.659 566700.000 5778935.000 566702.588 5778934.659 566705.000 5778933.660 566707.071 5778932.071 566708.660 5778930.000 566709.659 5778927.588 566710.000 5778925.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_2cceb396-40d4-5ca0-9662-f4862cdf074b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566710.000 5778925.000</gml:lowerCorner>
          <gml:upperCorner>566927.553 5779155.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_377ceac1-17f6-5361-bf80-b8adb53a3993" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="32">566710.000 5778925.000 566710.000 5778928.500 566920.316 5778928.500 566923.504 5779026.738 566868.923 5779020.202 566868.591 5779017.682 566867.392 5779014.788 566865.485 5779012.303 566863.000 5779010.396 566860.106 5779009.197 566857.000 5779008.788 566853.894 5779009.197 566851.000 5779010.396 566848.515 5779012.303 566846.608 5779014.788 566845.409 5779017.682 566845.000 5779020.788 566845.409 5779023.894 566846.608 5779026.788 566848.515 5779029.273 566851.000 5779031.181 566853.894 5779032.379 566857.000 5779032.788 566860.106 5779032.379 566863.000 5779031.181 566865.485 5779029.273 566867.392 5779026.788 566868.474 5779024.176 566923.635 5779030.781 566927.553 5779151.500 566710.000 5779151.500 566710.000 5779155.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_ebc8333e-a47d-587f-9a18-675b61ee3cae">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566655.000 5778992.068</gml:lowerCorner>
          <gml:upperCorner>566845.535 5779023.819</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_5eb52b66-8d63-53a0-947a-32817c81e73d" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="4">566655.000 5779001.132 566844.465 5779023.819 566845.535 5779014.883 566655.000 5778992.068</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_0f823b3c-7b50-5507-b191-9ef4080a8ed0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566933.745 5779034.006</gml:lowerCorner>
          <gml:upperCorner>567045.000 5779195.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_fda25fde-524a-56f5-badc-6ca2ae174e8d" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="3">566938.970 5779195.000 566933.745 5779034.006 567045.000 5779047.328</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_e1cb9180-b8ef-5c59-aaa9-32d1ba2b3507">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566690.000 5779145.000</gml:lowerCorner>
          <gml:upperCorner>566710.000 5779165.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_b750daa4-4c8b-5df1-83a0-47fd29e5c684" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="25">566710.000 5779155.000 566709.659 5779152.412 566708.660 5779150.000 566707.071 5779147.929 566705.000 5779146.340 566702.588 5779145.341 566700.000 5779145.000 566697.412 5779145.341 566695.000 5779146.340 566692.929 5779147.929 566691.340 5779150.000 566690.341 5779152.412 566690.000 5779155.000 566690.341 5779157.588 566691.340 5779160.000 566692.929 5779162.071 566695.000 5779163.660 566697.412 5779164.659 566700.000 5779165.000 566702.588 5779164.659 566705.000 5779163.660 566707.071 5779162.071 566708.660 5779160.000 566709.659 5779157.588 566710.000 5779155.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenbegrenzungsLinie gml:id="GML_9ed3ec1c-4d55-593f-88b2-c0a102608902">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566710.000 5779155.000</gml:lowerCorner>
          <gml:upperCorner>566928.965 5779195.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_9b94e516-b978-5f15-bc3a-121dd271e9f7" srsName="EPSG:25832">
          <gml:posList srsDimension="2" count="4">566710.000 5779155.000 566710.000 5779158.500 566927.780 5779158.500 566928.965 5779195.000</gml:posList>
        </gml:LineString>
      </xplan:position>
    </xplan:BP_StrassenbegrenzungsLinie>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_93e6dee4-9710-5740-bcf0-fa49ebac3eb0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566665.310 5778994.612</gml:lowerCorner>
          <gml:upperCorner>566665.310 5778994.612</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_66283c37-dc2f-5638-a0a2-6e2bbf238861" srsName="EPSG:25832">
          <gml:pos>566665.310 5778994.612</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_8d075d91-c071-55cc-9f25-5d56c8c87941">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566687.153 5778997.227</gml:lowerCorner>
          <gml:upperCorner>566687.153 5778997.227</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_e10ef70e-6756-52a7-8b41-088a215757a1" srsName="EPSG:25832">
          <gml:pos>566687.153 5778997.227</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_475fda6a-bfe9-55ca-ac75-b8874a027302">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566708.997 5778999.843</gml:lowerCorner>
          <gml:upperCorner>566708.997 5778999.843</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_bf44b26d-4285-5ff6-91ef-febd36ae7534" srsName="EPSG:25832">
          <gml:pos>566708.997 5778999.843</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_69f042fe-1100-54bc-9cbd-c84a79c9875c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566730.841 5779002.459</gml:lowerCorner>
          <gml:upperCorner>566730.841 5779002.459</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_fd6b889d-1204-570d-b759-b80a9dc53cb3" srsName="EPSG:25832">
          <gml:pos>566730.841 5779002.459</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_bd5173e6-5d45-5861-add4-40bc1c7ec9bd">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566752.685 5779005.074</gml:lowerCorner>
          <gml:upperCorner>566752.685 5779005.074</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_d8c301cb-c637-58cb-a7ce-231991d0c1b4" srsName="EPSG:25832">
          <gml:pos>566752.685 5779005.074</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_b05c6931-139a-5df6-a6d4-f0504096ca7f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566774.529 5779007.690</gml:lowerCorner>
          <gml:upperCorner>566774.529 5779007.690</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_7a3749f9-b713-54a1-9b5b-c9193b8f0353" srsName="EPSG:25832">
          <gml:pos>566774.529 5779007.690</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_6ce7acc3-792e-54f7-9361-84dbff63968c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566796.373 5779010.306</gml:lowerCorner>
          <gml:upperCorner>566796.373 5779010.306</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_00abed44-380e-5b46-8c38-ea371614ac06" srsName="EPSG:25832">
          <gml:pos>566796.373 5779010.306</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_069883e5-0363-55d1-b209-53de28865f9e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566818.217 5779012.921</gml:lowerCorner>
          <gml:upperCorner>566818.217 5779012.921</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_39ca935d-1f00-5564-9a44-3e2acb5ad0c2" srsName="EPSG:25832">
          <gml:pos>566818.217 5779012.921</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_621e98ab-e307-5855-a235-5a749e619ab8">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566840.061 5779015.537</gml:lowerCorner>
          <gml:upperCorner>566840.061 5779015.537</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_901cd7f6-306c-569a-80be-ab7160ed3952" srsName="EPSG:25832">
          <gml:pos>566840.061 5779015.537</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_6375b912-cd01-54b9-9eb4-f1730fd2a70b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566664.549 5779000.966</gml:lowerCorner>
          <gml:upperCorner>566664.549 5779000.966</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_ee2717dc-e809-58ab-9a39-6d48459bf4ea" srsName="EPSG:25832">
          <gml:pos>566664.549 5779000.966</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_d35897b4-4e83-5774-93a7-387a66726b5d">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566686.393 5779003.582</gml:lowerCorner>
          <gml:upperCorner>566686.393 5779003.582</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_09908ac2-5196-5d5a-ba4a-913ef3c66f4f" srsName="EPSG:25832">
          <gml:pos>566686.393 5779003.582</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_00bd9078-1c4f-501e-8b40-85a1c397d7b8">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566708.237 5779006.198</gml:lowerCorner>
          <gml:upperCorner>566708.237 5779006.198</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_8331b70b-d8ee-589f-9c65-b31ba1b94af1" srsName="EPSG:25832">
          <gml:pos>566708.237 5779006.198</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_ceef51f0-18f6-5b3a-8927-7802ab938e2b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566730.080 5779008.813</gml:lowerCorner>
          <gml:upperCorner>566730.080 5779008.813</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_6a69c5a5-1411-5047-aade-bba6e156becb" srsName="EPSG:25832">
          <gml:pos>566730.080 5779008.813</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_ba8184be-68bb-5d1f-ba5d-1e7d91210c86">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566751.924 5779011.429</gml:lowerCorner>
          <gml:upperCorner>566751.924 5779011.429</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_a4816b8f-4e2f-5e06-b483-2b55ec80b888" srsName="EPSG:25832">
          <gml:pos>566751.924 5779011.429</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_e6992f73-5b6b-55b4-8a79-72e41fabe9e2">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566773.768 5779014.045</gml:lowerCorner>
          <gml:upperCorner>566773.768 5779014.045</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_88476ec7-0da2-5083-b039-6f82bb422c22" srsName="EPSG:25832">
          <gml:pos>566773.768 5779014.045</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_d2f5bbc7-4883-51cf-abe5-72fbbcf5951f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566795.612 5779016.660</gml:lowerCorner>
          <gml:upperCorner>566795.612 5779016.660</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_e409f583-d59d-520d-aca9-3f4502567fc1" srsName="EPSG:25832">
          <gml:pos>566795.612 5779016.660</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_c09cf114-f49d-5aad-8077-857c4bb0bc9f">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566817.456 5779019.276</gml:lowerCorner>
          <gml:upperCorner>566817.456 5779019.276</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_e46f4088-7a8c-5180-8e51-351031b42c58" srsName="EPSG:25832">
          <gml:pos>566817.456 5779019.276</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_784613f1-1d55-5ebf-9f4b-586283f11188">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566839.300 5779021.892</gml:lowerCorner>
          <gml:upperCorner>566839.300 5779021.892</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_b60e50f4-4dde-528f-877c-d382a25b65f2" srsName="EPSG:25832">
          <gml:pos>566839.300 5779021.892</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_1dcff870-738b-5b74-9c2f-e57aa5008b57">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566955.250 5779029.834</gml:lowerCorner>
          <gml:upperCorner>566955.250 5779029.834</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_dad1cb3f-f06b-5f0a-8699-aad818ed2351" srsName="EPSG:25832">
          <gml:pos>566955.250 5779029.834</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_97840a9b-376a-5594-8365-664c655ac8b3">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566977.094 5779032.449</gml:lowerCorner>
          <gml:upperCorner>566977.094 5779032.449</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_9c94a8fe-319a-5776-adb1-811133d90f81" srsName="EPSG:25832">
          <gml:pos>566977.094 5779032.449</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_b3040de8-262b-5a1f-8205-9c4ab3248432">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566998.938 5779035.065</gml:lowerCorner>
          <gml:upperCorner>566998.938 5779035.065</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_b0593d0e-e249-5ce3-9fe7-4ae9ad8483ec" srsName="EPSG:25832">
          <gml:pos>566998.938 5779035.065</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_92b4cc8c-5d68-5c1d-8102-b13827bc7f98">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567020.782 5779037.681</gml:lowerCorner>
          <gml:upperCorner>567020.782 5779037.681</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_aaa1f3c3-0c59-51ec-85ee-05e3e58ec888" srsName="EPSG:25832">
          <gml:pos>567020.782 5779037.681</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_41a59c4e-ab98-558b-b9c8-9c11c161a206">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567042.626 5779040.296</gml:lowerCorner>
          <gml:upperCorner>567042.626 5779040.296</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_fe013339-d7ec-5e6d-b543-e4d8de9fd138" srsName="EPSG:25832">
          <gml:pos>567042.626 5779040.296</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_7f321438-ffed-5c8b-9775-5ff8766fc816">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566954.608 5779035.195</gml:lowerCorner>
          <gml:upperCorner>566954.608 5779035.195</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_36c8a74a-ecaf-5323-8b34-8de6fa4383ae" srsName="EPSG:25832">
          <gml:pos>566954.608 5779035.195</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_5f0a81b3-0230-5124-b98b-c401367396d4">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566976.452 5779037.811</gml:lowerCorner>
          <gml:upperCorner>566976.452 5779037.811</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_bd9b5f07-6893-5fb5-9b23-9179678a27b9" srsName="EPSG:25832">
          <gml:pos>566976.452 5779037.811</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_6ab370ca-2459-5c8a-bcdc-eac099c67ff7">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566998.296 5779040.427</gml:lowerCorner>
          <gml:upperCorner>566998.296 5779040.427</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_4bd17352-fdc2-5e7a-a1e4-1d805f0624ae" srsName="EPSG:25832">
          <gml:pos>566998.296 5779040.427</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_fcffd519-393f-531b-bf38-58e21e30667d">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567020.140 5779043.042</gml:lowerCorner>
          <gml:upperCorner>567020.140 5779043.042</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_cc0990b8-f040-5eea-9014-99d113f0682b" srsName="EPSG:25832">
          <gml:pos>567020.140 5779043.042</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_3ed29dfc-4973-59e8-b9ad-aed0873234f2">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>567041.984 5779045.658</gml:lowerCorner>
          <gml:upperCorner>567041.984 5779045.658</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_d811d9ba-0ffe-5260-a9dd-f0078036ea7b" srsName="EPSG:25832">
          <gml:pos>567041.984 5779045.658</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_8cafa1a1-9d62-50bf-ad32-1e17036faf8c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566919.689 5778869.992</gml:lowerCorner>
          <gml:upperCorner>566919.689 5778869.992</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_e180fb79-267a-5705-a0c3-1995448817dc" srsName="EPSG:25832">
          <gml:pos>566919.689 5778869.992</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_aa0ec417-441f-535d-8771-3150775abab0">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566920.505 5778894.979</gml:lowerCorner>
          <gml:upperCorner>566920.505 5778894.979</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_e1668941-c2ac-51e4-8385-f5eaf52c4f4b" srsName="EPSG:25832">
          <gml:pos>566920.505 5778894.979</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_614f0343-c99d-512a-9da3-ad4c398715c2">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566921.321 5778919.965</gml:lowerCorner>
          <gml:upperCorner>566921.321 5778919.965</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_15350e67-a25d-5e20-847d-b0286b53b58e" srsName="EPSG:25832">
          <gml:pos>566921.321 5778919.965</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_c4c6b641-950e-5055-9cee-8dc81d77470b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566922.137 5778944.952</gml:lowerCorner>
          <gml:upperCorner>566922.137 5778944.952</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_191e02d1-367c-56c0-80a4-cb13344f8cb8" srsName="EPSG:25832">
          <gml:pos>566922.137 5778944.952</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_6d39c300-e904-5561-9841-ccf453e20e0d">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566922.952 5778969.939</gml:lowerCorner>
          <gml:upperCorner>566922.952 5778969.939</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_fb31cff5-40d0-5032-ad5a-a896ada88a7e" srsName="EPSG:25832">
          <gml:pos>566922.952 5778969.939</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_f4d2d8dd-160c-5a0c-ac7f-798c1a4a60e8">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566926.215 5779069.886</gml:lowerCorner>
          <gml:upperCorner>566926.215 5779069.886</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_896692e3-8877-5352-9a6f-407848bc3b6c" srsName="EPSG:25832">
          <gml:pos>566926.215 5779069.886</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_ccfebd80-10c3-5ee1-93a0-59c32b17cd3c">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566927.031 5779094.872</gml:lowerCorner>
          <gml:upperCorner>566927.031 5779094.872</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_a3846096-da1a-5f45-bf22-e883ab63e9e8" srsName="EPSG:25832">
          <gml:pos>566927.031 5779094.872</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_2971560f-e92f-532c-980f-ff66d1a58b92">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566927.847 5779119.859</gml:lowerCorner>
          <gml:upperCorner>566927.847 5779119.859</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_62ff2663-c063-5a42-bcba-1bb7e9f587c1" srsName="EPSG:25832">
          <gml:pos>566927.847 5779119.859</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_8084d0ef-80a4-5b7e-a7ab-4e479b3159b2">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566928.663 5779144.846</gml:lowerCorner>
          <gml:upperCorner>566928.663 5779144.846</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_c10c7537-550e-52fc-a6e6-ac4a979cc494" srsName="EPSG:25832">
          <gml:pos>566928.663 5779144.846</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_bcf0729e-01b3-5953-8428-ee08d946eb8e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566929.478 5779169.832</gml:lowerCorner>
          <gml:upperCorner>566929.478 5779169.832</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_9b73bdf3-c332-5f36-9798-1c5158ffcf04" srsName="EPSG:25832">
          <gml:pos>566929.478 5779169.832</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Tilia cordata (Winter-Linde)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_bc4e26d4-a7f6-53b2-ab6d-2fa729322d01">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566815.000 5779055.000</gml:lowerCorner>
          <gml:upperCorner>566815.000 5779055.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_fa189671-2b7d-5d51-a08b-7f84e934ebf6" srsName="EPSG:25832">
          <gml:pos>566815.000 5779055.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_bf9a8164-3fcf-5612-bcb8-8f78f8b61767">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566827.000 5779095.000</gml:lowerCorner>
          <gml:upperCorner>566827.000 5779095.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_0f565d9f-a544-50f2-a6f9-78ed0c528061" srsName="EPSG:25832">
          <gml:pos>566827.000 5779095.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_71a6e754-6313-5418-a729-686b9dc14208">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566900.000 5779045.000</gml:lowerCorner>
          <gml:upperCorner>566900.000 5779045.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_4d06f22d-7987-5f99-a69e-17e30af80498" srsName="EPSG:25832">
          <gml:pos>566900.000 5779045.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_ca0530b1-d2ec-5c10-b468-e2ec8371d657">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566910.000 5779085.000</gml:lowerCorner>
          <gml:upperCorner>566910.000 5779085.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_a15f08b3-5d7b-5df5-b42b-c7d94405d4ac" srsName="EPSG:25832">
          <gml:pos>566910.000 5779085.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_96a63b7d-5703-5d3e-b573-5325c7fa357b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566860.000 5779040.000</gml:lowerCorner>
          <gml:upperCorner>566860.000 5779040.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_03df1e50-9166-5310-bd05-d785fc62c03d" srsName="EPSG:25832">
          <gml:pos>566860.000 5779040.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_89cde3b1-d532-5b1b-9abe-7b07f8c0845e">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566815.000 5779077.000</gml:lowerCorner>
          <gml:upperCorner>566815.000 5779077.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_684c0a18-f29e-5c23-acbf-ad5916dec42d" srsName="EPSG:25832">
          <gml:pos>566815.000 5779077.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_1d09a05d-a1c0-57e2-8779-58ca0c6835ab">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566895.000 5779103.000</gml:lowerCorner>
          <gml:upperCorner>566895.000 5779103.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_631e46e4-7f29-58c0-b714-eff18f83aa80" srsName="EPSG:25832">
          <gml:pos>566895.000 5779103.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_AnpflanzungBindungErhaltung gml:id="GML_e3f056de-61f0-5ef9-99b2-ea5cde24ca9b">
      <gml:boundedBy>
        <gml:Envelope srsName="EPSG:25832">
          <gml:lowerCorner>566870.000 5779105.000</gml:lowerCorner>
          <gml:upperCorner>566870.000 5779105.000</gml:upperCorner>
        </gml:Envelope>
      </gml:boundedBy>
      <xplan:ebene>0</xplan:ebene>
      <xplan:gehoertZuBereich xlink:href="#GML_ea1c4041-e3dd-5fd1-98cc-361ba9faa25c"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Point gml:id="GML_f64b57f8-9465-51e5-a797-4f40bfdd76c0" srsName="EPSG:25832">
          <gml:pos>566870.000 5779105.000</gml:pos>
        </gml:Point>
      </xplan:position>
      <xplan:massnahme>2000</xplan:massnahme>
      <xplan:gegenstand>1000</xplan:gegenstand>
      <xplan:pflanzenArt>Acer campestre (Feld-Ahorn)</xplan:pflanzenArt>
      <xplan:anzahl>1</xplan:anzahl>
    </xplan:BP_AnpflanzungBindungErhaltung>
  </gml:featureMember>
</xplan:XPlanAuszug>
