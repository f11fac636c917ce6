<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:brid="http://www.opengis.net/citygml/bridge/2.0" xmlns:tran="http://www.opengis.net/citygml/transportation/2.0" xmlns:frn="http://www.opengis.net/citygml/cityfurniture/2.0" xmlns:wtr="http://www.opengis.net/citygml/waterbody/2.0" xmlns:sch="http://www.ascc.net/xml/schematron" xmlns:veg="http://www.opengis.net/citygml/vegetation/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:tun="http://www.opengis.net/citygml/tunnel/2.0" xmlns:tex="http://www.opengis.net/citygml/texturedsurface/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:dem="http://www.opengis.net/citygml/relief/2.0" xmlns:app="http://www.opengis.net/citygml/appearance/2.0" xmlns:luse="http://www.opengis.net/citygml/landuse/2.0" xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:smil20lang="http://www.w3.org/2001/SMIL20/Language" xmlns:pbase="http://www.opengis.net/citygml/profiles/base/2.0" xmlns:smil20="http://www.w3.org/2001/SMIL20/" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:grp="http://www.opengis.net/citygml/cityobjectgroup/2.0">
<gml:boundedBy>
<gml:Envelope srsName="EPSG:25832" srsDimension="3">
<gml:lowerCorner>690953.026 5335962.625 509.79</gml:lowerCorner>
<gml:upperCorner>691054.069 5336105.592 547.33</gml:upperCorner>
</gml:Envelope>
</gml:boundedBy>
<core:cityObjectMember>
<bldg:Building gml:id="DEBY_LOD2_4959457">
<gml:name>DEBY_LOD2_4959457</gml:name>
<core:creationDate>2022-09-01</core:creationDate>
<core:externalReference>
<core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>
<core:externalObject>
<core:name>DEBYvAAAAABTMIyA</core:name>
</core:externalObject>
</core:externalReference>
<bldg:function>31001_3020</bldg:function>
<bldg:roofType>3200</bldg:roofType>
<bldg:measuredHeight uom="urn:adv:uom:m">37.54</bldg:measuredHeight>
<bldg:storeysAboveGround>6</bldg:storeysAboveGround>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_9e796a00-4ff1-475a-9e79-574a17c3e1f2">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_f5a9f68a-adc1-44b0-833b-6481a99e94db" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_9e796a00-4ff1-475a-9e79-574a17c3e1f2_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_9e796a00-4ff1-475a-9e79-574a17c3e1f2_poly_0_">
<gml:posList>691018.282 5336085.409 540.61 691018.282 5336085.409 545.4 691035.569 5336078.689 545.4 691035.569 5336078.689 540.61 691018.282 5336085.409 540.61</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_0056045d-d186-4d8a-ab63-e8ed0fa2e5ea">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_cd649201-0955-4826-b016-5adbe4757a61" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_0056045d-d186-4d8a-ab63-e8ed0fa2e5ea_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_0056045d-d186-4d8a-ab63-e8ed0fa2e5ea_poly_0_">
<gml:posList>690969.648 5335980.889 530.92 690969.648 5335980.889 532.15 690967.999 5335976.692 532.15 690967.999 5335976.692 530.92 690969.648 5335980.889 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_4786632e-7831-415e-b46c-5b381361df5e">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_53af856f-9ff2-46f4-b132-46261b2048a1" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_4786632e-7831-415e-b46c-5b381361df5e_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_4786632e-7831-415e-b46c-5b381361df5e_poly_0_">
<gml:posList>691042.711 5336075.913 527.279 691042.711 5336075.913 533.77 691038.027 5336077.734 533.77 691038.027 5336077.734 527.279 691042.711 5336075.913 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_0545338e-0318-4de3-a657-0ae79a1ccd6f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_47dc4ef8-964b-4209-91bd-45bf808527ae" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_0545338e-0318-4de3-a657-0ae79a1ccd6f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_0545338e-0318-4de3-a657-0ae79a1ccd6f_poly_0_">
<gml:posList>691035.569 5336078.689 540.61 691035.569 5336078.689 545.4 690993.459 5335971.542 545.4 690993.459 5335971.542 540.61 691035.569 5336078.689 540.61</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_6015e32b-3a99-48c5-95c9-3a27c704ef26">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_5a486cf5-e33a-4a1b-a8be-22d2e74e7e6c" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_6015e32b-3a99-48c5-95c9-3a27c704ef26_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_6015e32b-3a99-48c5-95c9-3a27c704ef26_poly_0_">
<gml:posList>690969.619 5335971.456 540.61 690972.833 5335979.64 540.61 690972.833 5335979.64 540.53 690974.527 5335983.95 540.53 690974.527 5335983.95 530.92 690972.833 5335979.64 530.92 690969.619 5335971.456 530.92 690969.619 5335971.456 540.61</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_da0d28a4-75e2-4eb8-a175-0c64b669841f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_ba17615d-c23e-47d5-a5ad-41c952f1ba61" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_da0d28a4-75e2-4eb8-a175-0c64b669841f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_da0d28a4-75e2-4eb8-a175-0c64b669841f_poly_0_">
<gml:posList>691009.528 5336005.573 534.479 691011.461 5336010.463 534.479 691012.228 5336012.407 534.479 691013.725 5336016.195 534.479 691013.725 5336016.195 527.279 691021.365 5336035.538 527.279 691021.365 5336035.538 534.479 691022.613 5336038.699 534.479 691023.532 5336041.027 534.479 691025.984 5336047.24 534.479 691025.984 5336047.24 540.61 691023.532 5336041.027 540.61 691022.613 5336038.699 540.61 691021.365 5336035.538 540.61 691013.725 5336016.195 540.61 691012.228 5336012.407 540.61 691011.461 5336010.463 540.61 691009.528 5336005.573 540.61 691009.528 5336005.573 534.479</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_19bd3aa3-949f-4967-9a89-68fc0a35c222">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_acb24aaa-60e4-4598-a05d-c3f0c880a031" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_19bd3aa3-949f-4967-9a89-68fc0a35c222_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_19bd3aa3-949f-4967-9a89-68fc0a35c222_poly_0_">
<gml:posList>690967.999 5335976.692 532.15 690969.648 5335980.889 532.15 690960.371 5335984.532 532.15 690958.722 5335980.334 532.15 690967.999 5335976.692 532.15</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_27f08ef8-cc99-4ca6-aa54-8d00e6575e04">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_3e84cf0e-a469-4b8e-9809-d64b8cb1f13a" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_27f08ef8-cc99-4ca6-aa54-8d00e6575e04_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_27f08ef8-cc99-4ca6-aa54-8d00e6575e04_poly_0_">
<gml:posList>690987.151 5336052.683 530.92 690987.151 5336052.683 533.42 690988.067 5336055.013 533.42 690988.067 5336055.013 530.92 690987.151 5336052.683 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_e4cce685-5f73-4e4e-80a8-34c8240a5ef9">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_dae2c8f8-3def-47c0-a937-b0a16a73938c" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_e4cce685-5f73-4e4e-80a8-34c8240a5ef9_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_e4cce685-5f73-4e4e-80a8-34c8240a5ef9_poly_0_">
<gml:posList>691032.515 5336089.559 547.33 691034.1 5336093.588 547.33 691027.834 5336096.022 547.33 691027.744 5336096.057 547.33 691026.161 5336092.029 547.33 691032.515 5336089.559 547.33</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_93313f8b-4a17-4854-bf21-0808c38fdb6a">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_df226527-dc1f-4132-977c-0496d6e1b8e6" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_93313f8b-4a17-4854-bf21-0808c38fdb6a_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_93313f8b-4a17-4854-bf21-0808c38fdb6a_poly_0_">
<gml:posList>690992.122 5335962.625 509.79 690992.122 5335962.625 540.61 690990.303 5335963.334 540.61 690990.303 5335963.334 509.79 690992.122 5335962.625 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_cd320a7e-23dc-4f4b-b3bf-13e80a0f1e44">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_2b71c2d8-00e1-43f3-844c-11ad40d54ced" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_cd320a7e-23dc-4f4b-b3bf-13e80a0f1e44_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_cd320a7e-23dc-4f4b-b3bf-13e80a0f1e44_poly_0_">
<gml:posList>691003.97 5336095.483 530.85 691003.97 5336095.483 532.02 691005.733 5336099.97 532.02 691005.733 5336099.97 530.85 691003.97 5336095.483 530.85</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_12bfe0c0-30d6-47b3-8819-542a58876da1">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_7108cb85-3c2e-4f7a-87f5-5ee7e8ca8894" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_12bfe0c0-30d6-47b3-8819-542a58876da1_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_12bfe0c0-30d6-47b3-8819-542a58876da1_poly_0_">
<gml:posList>690974.65 5335983.902 540.53 690983.876 5336007.212 540.53 690985.323 5336010.872 540.53 690985.323 5336010.872 509.79 690983.876 5336007.212 509.79 690974.65 5335983.902 509.79 690974.65 5335983.902 540.53</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_b1cbbe5e-9a92-465e-9ac6-654e0eff533f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_097ae3d4-4ef0-44aa-a035-76fc34f55f69" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_b1cbbe5e-9a92-465e-9ac6-654e0eff533f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_b1cbbe5e-9a92-465e-9ac6-654e0eff533f_poly_0_">
<gml:posList>690985.287 5336020.695 533.82 690986.05 5336022.639 533.82 690976.77 5336026.268 533.82 690976.006 5336024.323 533.82 690985.287 5336020.695 533.82</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_8ca959b2-4608-43b4-bcef-ba5c50a10d89">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_82483583-6b6f-470a-8b8c-66356629ba09" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_8ca959b2-4608-43b4-bcef-ba5c50a10d89_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_8ca959b2-4608-43b4-bcef-ba5c50a10d89_poly_0_">
<gml:posList>691038.008 5336077.685 509.79 691042.684 5336075.844 509.79 691042.684 5336075.844 527.279 691038.008 5336077.685 527.279 691038.008 5336077.685 540.61 691037.55 5336077.865 540.61 691037.55 5336077.865 509.79 691038.008 5336077.685 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_fd635945-d683-4794-b8af-b1677e32614f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_0887afd4-df8b-4625-ac73-d49b75229584" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_fd635945-d683-4794-b8af-b1677e32614f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_fd635945-d683-4794-b8af-b1677e32614f_poly_0_">
<gml:posList>691012.608 5336087.832 509.79 691012.608 5336087.832 530.85 690998.46 5336093.385 530.85 690998.46 5336093.385 509.79 691012.608 5336087.832 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_fb5495cc-20dd-4489-8e15-c8e8ec8d025e">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_5ab193b9-b698-4a8f-b47b-4295284745e4" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_fb5495cc-20dd-4489-8e15-c8e8ec8d025e_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_fb5495cc-20dd-4489-8e15-c8e8ec8d025e_poly_0_">
<gml:posList>690985.134 5336010.945 540.53 690987.933 5336018.069 540.53 690988.475 5336019.449 540.53 690989.238 5336021.392 540.53 690989.827 5336022.892 540.53 690999.608 5336047.771 540.53 691000.524 5336050.101 540.53 691004.373 5336059.891 540.53 691004.373 5336059.891 530.92 691000.524 5336050.101 530.92 690999.608 5336047.771 530.92 690989.827 5336022.892 530.92 690989.238 5336021.392 530.92 690988.475 5336019.449 530.92 690987.933 5336018.069 530.92 690985.134 5336010.945 530.92 690985.134 5336010.945 540.53</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_ed54e689-9b5a-4f95-af75-fc682106653a">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_db7aa0a6-9d0f-46d6-a2d8-e3344ce8d2bc" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_ed54e689-9b5a-4f95-af75-fc682106653a_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_ed54e689-9b5a-4f95-af75-fc682106653a_poly_0_">
<gml:posList>690953.026 5335977.974 509.79 690953.026 5335977.974 530.92 690957.971 5335990.458 530.92 690957.971 5335990.458 509.79 690953.026 5335977.974 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_9442e008-1bc8-459c-8ccc-802088b7c36d">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_2bd439db-bb80-4ba4-aaaa-62e1bc92778f" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_9442e008-1bc8-459c-8ccc-802088b7c36d_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_9442e008-1bc8-459c-8ccc-802088b7c36d_poly_0_">
<gml:posList>691032.515 5336089.559 540.5 691032.515 5336089.559 547.33 691026.161 5336092.029 547.33 691026.161 5336092.029 540.5 691032.515 5336089.559 540.5</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_88dac68a-5ed3-4d97-b8d1-eb2241df39cc">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_3d4b8b08-1b29-49cd-8d39-b60bd74c8501" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_88dac68a-5ed3-4d97-b8d1-eb2241df39cc_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_88dac68a-5ed3-4d97-b8d1-eb2241df39cc_poly_0_">
<gml:posList>691019.82 5336089.321 540.5 691024.397 5336087.542 540.5 691030.752 5336085.073 540.5 691037.107 5336082.602 540.5 691039.571 5336081.644 540.5 691040.489 5336083.967 540.5 691042.933 5336090.154 540.5 691034.1 5336093.588 540.5 691032.515 5336089.559 540.5 691026.161 5336092.029 540.5 691027.744 5336096.057 540.5 691019.798 5336099.147 540.5 691018.214 5336095.118 540.5 691016.45 5336090.631 540.5 691019.82 5336089.321 540.5</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_25a03dc0-f803-4752-9330-c70063763232">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_28f4487c-6123-44d0-87c3-026c98a01d34" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_25a03dc0-f803-4752-9330-c70063763232_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_25a03dc0-f803-4752-9330-c70063763232_poly_0_">
<gml:posList>691019.82 5336089.321 540.53 691019.82 5336089.321 540.61 691024.397 5336087.542 540.61 691030.752 5336085.073 540.61 691037.107 5336082.602 540.61 691039.571 5336081.644 540.61 691039.571 5336081.644 540.5 691037.107 5336082.602 540.5 691030.752 5336085.073 540.5 691024.397 5336087.542 540.5 691019.82 5336089.321 540.5 691016.45 5336090.631 540.5 691016.45 5336090.631 540.53 691019.82 5336089.321 540.53</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_19a7db05-ce7d-402b-acc6-cdb0e0926e64">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_fa85e82a-b233-4ced-ba12-d9056e09cd07" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_19a7db05-ce7d-402b-acc6-cdb0e0926e64_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_19a7db05-ce7d-402b-acc6-cdb0e0926e64_poly_0_">
<gml:posList>691004.591 5336059.805 509.79 691004.591 5336059.805 540.53 691015.17 5336086.831 540.53 691015.17 5336086.831 509.79 691004.591 5336059.805 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_07e1575b-dad4-4cc4-b4de-443f1bb2173f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_3163ff52-e8d7-4e10-b40e-6a968b49e425" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_07e1575b-dad4-4cc4-b4de-443f1bb2173f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_07e1575b-dad4-4cc4-b4de-443f1bb2173f_poly_0_">
<gml:posList>690976.197 5335978.319 540.53 691018.282 5336085.409 540.53 691019.82 5336089.321 540.53 691016.45 5336090.631 540.53 691014.985 5336086.903 540.53 691015.17 5336086.831 540.53 691004.591 5336059.805 540.53 691004.373 5336059.891 540.53 691000.524 5336050.101 540.53 690999.608 5336047.771 540.53 690989.827 5336022.892 540.53 690989.238 5336021.392 540.53 690988.475 5336019.449 540.53 690987.933 5336018.069 540.53 690985.134 5336010.945 540.53 690985.323 5336010.872 540.53 690983.876 5336007.212 540.53 690974.65 5335983.902 540.53 690974.527 5335983.95 540.53 690972.833 5335979.64 540.53 690976.197 5335978.319 540.53</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_b199d45e-ea8e-48fc-bf54-097bcd17e145">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_1184690f-d8e8-4c47-8f91-16d464b51597" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_b199d45e-ea8e-48fc-bf54-097bcd17e145_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_b199d45e-ea8e-48fc-bf54-097bcd17e145_poly_0_">
<gml:posList>691013.26 5336091.872 530.85 691013.26 5336091.872 532.02 691003.97 5336095.483 532.02 691003.97 5336095.483 530.85 691013.26 5336091.872 530.85</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_82a88bf3-a972-4f7d-b7d8-cf88d3b0e7f8">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_7b9c0480-7e8f-4463-b087-9e0086d7522d" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_82a88bf3-a972-4f7d-b7d8-cf88d3b0e7f8_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_82a88bf3-a972-4f7d-b7d8-cf88d3b0e7f8_poly_0_">
<gml:posList>690972.833 5335979.64 540.53 690972.833 5335979.64 540.61 690976.197 5335978.319 540.61 690976.197 5335978.319 540.53 690972.833 5335979.64 540.53</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_ba99a5d8-0aca-4454-ba9b-adb342b6be29">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_abbdc6df-b2e0-4f87-9b17-a289bd56b433" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_ba99a5d8-0aca-4454-ba9b-adb342b6be29_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_ba99a5d8-0aca-4454-ba9b-adb342b6be29_poly_0_">
<gml:posList>691015.024 5336096.358 530.85 691015.024 5336096.358 532.02 691013.26 5336091.872 532.02 691013.26 5336091.872 530.85 691015.024 5336096.358 530.85</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_07cf3ae7-1cf2-4de4-a381-af2c8303c224">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_9219c5c6-cd1d-4aea-9083-a2ba479f129a" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_07cf3ae7-1cf2-4de4-a381-af2c8303c224_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_07cf3ae7-1cf2-4de4-a381-af2c8303c224_poly_0_">
<gml:posList>691026.358 5336033.569 527.279 691035.615 5336029.917 527.279 691039.915 5336028.221 527.279 691039.915 5336028.221 534.478 691035.615 5336029.917 534.478 691026.358 5336033.569 534.479 691021.365 5336035.538 534.479 691021.365 5336035.538 527.279 691026.358 5336033.569 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_a60919b9-0bf1-47bd-8eac-3e9d71db1847">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_f80f77f0-facd-426b-868d-23babd82fac3" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_a60919b9-0bf1-47bd-8eac-3e9d71db1847_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_a60919b9-0bf1-47bd-8eac-3e9d71db1847_poly_0_">
<gml:posList>691034.1 5336093.588 540.5 691034.1 5336093.588 547.33 691032.515 5336089.559 547.33 691032.515 5336089.559 540.5 691034.1 5336093.588 540.5</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_f5d787b1-1fee-441a-898d-0d1bab1fc83f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_a46ccfa1-6823-41c1-9a63-cf6a2bfd15ac" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_f5d787b1-1fee-441a-898d-0d1bab1fc83f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_f5d787b1-1fee-441a-898d-0d1bab1fc83f_poly_0_">
<gml:posList>690985.134 5336010.945 530.92 690987.933 5336018.069 530.92 690988.475 5336019.449 530.92 690989.238 5336021.392 530.92 690989.827 5336022.892 530.92 690999.608 5336047.771 530.92 691000.524 5336050.101 530.92 691004.373 5336059.891 530.92 690987.828 5336066.368 530.92 690983.996 5336056.618 530.92 690983.08 5336054.288 530.92 690972.695 5336027.86 530.92 690971.932 5336025.917 530.92 690968.595 5336017.425 530.92 690985.134 5336010.945 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
<gml:interior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_f5d787b1-1fee-441a-898d-0d1bab1fc83f_poly_1_">
<gml:posList>690976.77 5336026.268 530.92 690986.05 5336022.639 530.92 690985.287 5336020.695 530.92 690976.006 5336024.323 530.92 690976.77 5336026.268 530.92</gml:posList>
</gml:LinearRing>
</gml:interior>
<gml:interior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_f5d787b1-1fee-441a-898d-0d1bab1fc83f_poly_2_">
<gml:posList>690988.067 5336055.013 530.92 690997.34 5336051.356 530.92 690996.423 5336049.027 530.92 690987.151 5336052.683 530.92 690988.067 5336055.013 530.92</gml:posList>
</gml:LinearRing>
</gml:interior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_7e90948b-ed74-4965-986d-c9f1e01d3d05">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_65d44fea-0096-47fc-9fe8-756e2f7e4078" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_7e90948b-ed74-4965-986d-c9f1e01d3d05_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_7e90948b-ed74-4965-986d-c9f1e01d3d05_poly_0_">
<gml:posList>690985.287 5336020.695 530.92 690985.287 5336020.695 533.82 690976.006 5336024.323 533.82 690976.006 5336024.323 530.92 690985.287 5336020.695 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_1c0858ec-3277-47e0-a674-b9d8c51a4d5c">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_a9db2e36-12aa-409b-8ccf-c9c786ac8d65" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_1c0858ec-3277-47e0-a674-b9d8c51a4d5c_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_1c0858ec-3277-47e0-a674-b9d8c51a4d5c_poly_0_">
<gml:posList>691045.178 5336082.144 536.15 691047.633 5336088.327 533.788 691042.933 5336090.154 533.788 691040.489 5336083.967 536.15 691045.178 5336082.144 536.15</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_07577e6f-c4dd-4184-87ae-d7a425099b55">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_2e4980e3-e675-4c11-bea8-10a8799361f1" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_07577e6f-c4dd-4184-87ae-d7a425099b55_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_07577e6f-c4dd-4184-87ae-d7a425099b55_poly_0_">
<gml:posList>691024.947 5336029.995 509.79 691034.204 5336026.336 509.79 691034.403 5336026.258 509.79 691034.403 5336026.258 527.279 691034.204 5336026.336 527.279 691024.947 5336029.995 527.279 691023.314 5336030.639 527.279 691023.314 5336030.639 509.79 691024.947 5336029.995 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_45c7a653-4770-4aea-8ba1-1fd890ff8149">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_ed403734-72c7-440f-afef-cf9d098838a9" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_45c7a653-4770-4aea-8ba1-1fd890ff8149_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_45c7a653-4770-4aea-8ba1-1fd890ff8149_poly_0_">
<gml:posList>691014.528 5336003.619 534.479 691023.82 5335999.987 534.479 691028.153 5335998.293 534.479 691037.683 5335994.568 534.479 691039.611 5335999.46 534.479 691040.377 5336001.403 534.479 691041.837 5336005.11 534.479 691049.457 5336024.457 534.479 691050.703 5336027.621 534.479 691051.62 5336029.95 534.479 691054.069 5336036.165 534.479 691044.516 5336039.931 534.479 691040.226 5336041.623 534.479 691030.977 5336045.271 534.479 691025.984 5336047.24 534.479 691023.532 5336041.027 534.479 691022.613 5336038.699 534.479 691021.365 5336035.538 534.479 691026.358 5336033.569 534.479 691035.615 5336029.917 534.479 691039.915 5336028.221 534.479 691032.309 5336008.867 534.479 691027.991 5336010.569 534.479 691018.718 5336014.226 534.479 691013.725 5336016.195 534.479 691012.228 5336012.407 534.479 691011.461 5336010.463 534.479 691009.528 5336005.573 534.479 691014.528 5336003.619 534.479</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_e4b3c3b2-b527-4731-a3ca-192a40ab3524">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_f3355047-5189-4dd0-bd4b-b5c629921506" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_e4b3c3b2-b527-4731-a3ca-192a40ab3524_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_e4b3c3b2-b527-4731-a3ca-192a40ab3524_poly_0_">
<gml:posList>690988.067 5336055.013 530.92 690988.067 5336055.013 533.42 690997.34 5336051.356 533.42 690997.34 5336051.356 530.92 690988.067 5336055.013 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_58b00512-879e-426c-be70-e1de4350b74e">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_5241c07f-3192-4306-8c45-427cc92be62d" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_58b00512-879e-426c-be70-e1de4350b74e_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_58b00512-879e-426c-be70-e1de4350b74e_poly_0_">
<gml:posList>690993.459 5335971.542 545.4 691035.569 5336078.689 545.4 691023.532 5336073.418 546.82 690988.22 5335983.562 546.82 690993.459 5335971.542 545.4</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_552bb88c-e86a-4fcc-979c-65b1ab61e5d9">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_9bc999d3-9c14-49f9-a474-5ad030aaf90e" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_552bb88c-e86a-4fcc-979c-65b1ab61e5d9_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_552bb88c-e86a-4fcc-979c-65b1ab61e5d9_poly_0_">
<gml:posList>690998.46 5336093.385 530.85 690999.895 5336097.068 530.85 691001.645 5336101.559 530.85 691003.217 5336105.592 530.85 691003.217 5336105.592 509.79 691001.645 5336101.559 509.79 690999.895 5336097.068 509.79 690998.46 5336093.385 509.79 690998.46 5336093.385 530.85</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_c5c69a3e-71dc-4998-b005-4ff910d3bac8">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_090846c1-3e01-4a1f-8a11-1abe54682e66" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_c5c69a3e-71dc-4998-b005-4ff910d3bac8_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_c5c69a3e-71dc-4998-b005-4ff910d3bac8_poly_0_">
<gml:posList>691009.161 5336005.716 509.79 691009.161 5336005.716 540.61 690998.599 5335978.991 540.61 690998.599 5335978.991 509.79 691009.161 5336005.716 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_b4523440-fb27-4aad-81a8-46a9349ecda1">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_21759fee-7fab-4093-adfb-a52239c07b69" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_b4523440-fb27-4aad-81a8-46a9349ecda1_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_b4523440-fb27-4aad-81a8-46a9349ecda1_poly_0_">
<gml:posList>691042.711 5336075.913 533.77 691045.163 5336082.106 536.135 691045.178 5336082.144 536.15 691040.489 5336083.967 536.15 691039.571 5336081.644 535.263 691038.027 5336077.734 533.77 691042.711 5336075.913 533.77</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_6c83b50c-2235-431c-ba99-b4799756204c">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_d3119018-dfbc-4504-ad2c-73aa307a49cc" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_6c83b50c-2235-431c-ba99-b4799756204c_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_6c83b50c-2235-431c-ba99-b4799756204c_poly_0_">
<gml:posList>690993.459 5335971.542 540.61 690993.459 5335971.542 545.4 690976.197 5335978.319 545.4 690976.197 5335978.319 540.61 690993.459 5335971.542 540.61</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_28af3c7c-fc05-46d1-b987-03bd3d05f95b">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_5a0cdc87-357a-4eda-a5f5-dcb5d3d008a9" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_28af3c7c-fc05-46d1-b987-03bd3d05f95b_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_28af3c7c-fc05-46d1-b987-03bd3d05f95b_poly_0_">
<gml:posList>690967.999 5335976.692 530.92 690967.999 5335976.692 532.15 690958.722 5335980.334 532.15 690958.722 5335980.334 530.92 690967.999 5335976.692 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_7ecc3dc8-de8c-4436-9e8a-59211b219416">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_f166a93c-4e8f-49e1-bed5-b40271c1e444" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_7ecc3dc8-de8c-4436-9e8a-59211b219416_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_7ecc3dc8-de8c-4436-9e8a-59211b219416_poly_0_">
<gml:posList>690976.006 5336024.323 530.92 690976.006 5336024.323 533.82 690976.77 5336026.268 533.82 690976.77 5336026.268 530.92 690976.006 5336024.323 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_5a201d96-94bb-4fd1-b827-ed4b04c86a96">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_0f5a1d6a-a38e-4a02-b5ef-5dece95c254f" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_5a201d96-94bb-4fd1-b827-ed4b04c86a96_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_5a201d96-94bb-4fd1-b827-ed4b04c86a96_poly_0_">
<gml:posList>691018.718 5336014.226 527.279 691027.991 5336010.569 527.279 691032.309 5336008.867 527.279 691039.915 5336028.221 527.279 691035.615 5336029.917 527.279 691026.358 5336033.569 527.279 691021.365 5336035.538 527.279 691013.725 5336016.195 527.279 691018.718 5336014.226 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
<gml:interior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_5a201d96-94bb-4fd1-b827-ed4b04c86a96_poly_1_">
<gml:posList>691023.314 5336030.639 527.279 691024.947 5336029.995 527.279 691034.204 5336026.336 527.279 691034.403 5336026.258 527.279 691030.043 5336015.168 527.279 691029.837 5336015.249 527.279 691020.559 5336018.886 527.279 691018.943 5336019.52 527.279 691023.314 5336030.639 527.279</gml:posList>
</gml:LinearRing>
</gml:interior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_0797a53f-9a49-4eca-8e0d-d6bb1229fabc">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_3112b365-b09d-4af0-83c3-22882fd60b08" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_0797a53f-9a49-4eca-8e0d-d6bb1229fabc_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_0797a53f-9a49-4eca-8e0d-d6bb1229fabc_poly_0_">
<gml:posList>691032.309 5336008.867 527.279 691032.309 5336008.867 534.479 691039.915 5336028.221 534.479 691039.915 5336028.221 527.279 691032.309 5336008.867 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_b8dae246-a9db-4b76-bb02-296cf532f0da">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_4aac8c7c-ff50-4e6d-bfd0-a1a5b994d62c" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_b8dae246-a9db-4b76-bb02-296cf532f0da_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_b8dae246-a9db-4b76-bb02-296cf532f0da_poly_0_">
<gml:posList>691025.549 5336047.411 509.79 691036.12 5336074.236 509.79 691037.55 5336077.865 509.79 691037.55 5336077.865 540.61 691036.12 5336074.236 540.61 691025.549 5336047.411 540.61 691025.549 5336047.411 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_e66a6a75-673f-421d-8e7f-ca23aaca9f0f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_e5cd80d3-8674-438c-8680-400eb815a3b9" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_e66a6a75-673f-421d-8e7f-ca23aaca9f0f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_e66a6a75-673f-421d-8e7f-ca23aaca9f0f_poly_0_">
<gml:posList>691023.314 5336030.639 509.79 691023.314 5336030.639 527.279 691018.943 5336019.52 527.279 691018.943 5336019.52 509.79 691023.314 5336030.639 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_d1a6e864-2f43-41b9-bbbe-3898481b49b5">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_2e72e028-be84-4084-8b06-64464a81e2af" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_d1a6e864-2f43-41b9-bbbe-3898481b49b5_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_d1a6e864-2f43-41b9-bbbe-3898481b49b5_poly_0_">
<gml:posList>691038.008 5336077.685 527.279 691038.027 5336077.734 527.279 691038.027 5336077.734 533.77 691039.571 5336081.644 535.263 691040.489 5336083.967 536.15 691042.933 5336090.154 533.788 691042.933 5336090.154 540.5 691040.489 5336083.967 540.5 691039.571 5336081.644 540.5 691039.571 5336081.644 540.61 691038.027 5336077.734 540.61 691038.008 5336077.685 540.61 691038.008 5336077.685 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_73cf7b67-2091-4a3b-9a3e-c892bd2fd186">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_80ea0114-75a7-49f9-913d-37774a61e749" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_73cf7b67-2091-4a3b-9a3e-c892bd2fd186_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_73cf7b67-2091-4a3b-9a3e-c892bd2fd186_poly_0_">
<gml:posList>690969.736 5335971.41 540.61 690990.242 5335963.358 540.61 690990.303 5335963.334 540.61 690992.122 5335962.625 540.61 690994.638 5335968.968 540.61 690997.142 5335975.311 540.61 690998.599 5335978.991 540.61 691009.161 5336005.716 540.61 691009.528 5336005.573 540.61 691011.461 5336010.463 540.61 691012.228 5336012.407 540.61 691013.725 5336016.195 540.61 691021.365 5336035.538 540.61 691022.613 5336038.699 540.61 691023.532 5336041.027 540.61 691025.984 5336047.24 540.61 691025.549 5336047.411 540.61 691036.12 5336074.236 540.61 691037.55 5336077.865 540.61 691038.008 5336077.685 540.61 691038.027 5336077.734 540.61 691039.571 5336081.644 540.61 691037.107 5336082.602 540.61 691030.752 5336085.073 540.61 691024.397 5336087.542 540.61 691019.82 5336089.321 540.61 691018.282 5336085.409 540.61 691035.569 5336078.689 540.61 690993.459 5335971.542 540.61 690976.197 5335978.319 540.61 690972.833 5335979.64 540.61 690969.619 5335971.456 540.61 690969.736 5335971.41 540.61</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_dc047c43-f074-4306-a470-7d2bbf666212">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_211572ca-680f-455f-a1b1-9595b11b593f" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_dc047c43-f074-4306-a470-7d2bbf666212_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_dc047c43-f074-4306-a470-7d2bbf666212_poly_0_">
<gml:posList>690957.156 5335976.351 530.92 690966.434 5335972.707 530.92 690969.619 5335971.456 530.92 690972.833 5335979.64 530.92 690974.527 5335983.95 530.92 690971.341 5335985.202 530.92 690962.066 5335988.848 530.92 690957.971 5335990.458 530.92 690953.026 5335977.974 530.92 690957.156 5335976.351 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
<gml:interior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_dc047c43-f074-4306-a470-7d2bbf666212_poly_1_">
<gml:posList>690960.371 5335984.532 530.92 690969.648 5335980.889 530.92 690967.999 5335976.692 530.92 690958.722 5335980.334 530.92 690960.371 5335984.532 530.92</gml:posList>
</gml:LinearRing>
</gml:interior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_89f90b9f-613b-4603-bea2-4ef4352e8e93">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_dfe3808a-2eee-4d98-b631-760680efd703" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_89f90b9f-613b-4603-bea2-4ef4352e8e93_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_89f90b9f-613b-4603-bea2-4ef4352e8e93_poly_0_">
<gml:posList>691018.718 5336014.226 534.479 691027.991 5336010.569 534.479 691032.309 5336008.867 534.479 691032.309 5336008.867 527.279 691027.991 5336010.569 527.279 691018.718 5336014.226 527.279 691013.725 5336016.195 527.279 691013.725 5336016.195 534.479 691018.718 5336014.226 534.479</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_b5cf5691-d2f2-4eef-9019-42962b507487">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_44f3f701-c930-46ad-bda1-9dc1746c5d9d" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_b5cf5691-d2f2-4eef-9019-42962b507487_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_b5cf5691-d2f2-4eef-9019-42962b507487_poly_0_">
<gml:posList>690962.066 5335988.848 530.92 690971.341 5335985.202 530.92 690974.527 5335983.95 530.92 690974.527 5335983.95 540.53 690974.65 5335983.902 540.53 690974.65 5335983.902 509.79 690974.527 5335983.95 509.79 690971.341 5335985.202 509.79 690962.066 5335988.848 509.79 690957.971 5335990.458 509.79 690957.971 5335990.458 530.92 690962.066 5335988.848 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_e030de07-0827-4f7b-9657-9070e768b8f7">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_d29f772b-9868-476c-89ea-c9487d10fd7b" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_e030de07-0827-4f7b-9657-9070e768b8f7_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_e030de07-0827-4f7b-9657-9070e768b8f7_poly_0_">
<gml:posList>691037.683 5335994.568 509.79 691039.611 5335999.46 509.79 691040.377 5336001.403 509.79 691041.837 5336005.11 509.79 691049.457 5336024.457 509.79 691050.703 5336027.621 509.79 691051.62 5336029.95 509.79 691054.069 5336036.165 509.79 691054.069 5336036.165 534.478 691051.62 5336029.95 534.478 691050.703 5336027.621 534.478 691049.457 5336024.457 534.478 691041.837 5336005.11 534.479 691040.377 5336001.403 534.479 691039.611 5335999.46 534.479 691037.683 5335994.568 534.479 691037.683 5335994.568 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_4b6474c0-4746-4fc5-8f2b-f8c9fccc3b01">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_317ded1f-8c57-47cf-a456-16c4d9bdf108" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_4b6474c0-4746-4fc5-8f2b-f8c9fccc3b01_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_4b6474c0-4746-4fc5-8f2b-f8c9fccc3b01_poly_0_">
<gml:posList>691030.043 5336015.168 509.79 691030.043 5336015.168 527.279 691034.403 5336026.258 527.279 691034.403 5336026.258 509.79 691030.043 5336015.168 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_abe8532c-b751-4a69-bab0-25a90023178b">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_efa8e563-fa92-4d56-b668-67d442c41655" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_abe8532c-b751-4a69-bab0-25a90023178b_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_abe8532c-b751-4a69-bab0-25a90023178b_poly_0_">
<gml:posList>691045.163 5336082.106 509.79 691045.178 5336082.144 509.79 691047.633 5336088.327 509.79 691047.633 5336088.327 533.788 691045.178 5336082.144 536.15 691045.163 5336082.106 536.135 691045.163 5336082.106 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_8bc7db43-6b80-4e85-8442-7aafd9c35adb">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_28d2767a-b681-4a6c-a5ae-2cf704663064" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_8bc7db43-6b80-4e85-8442-7aafd9c35adb_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_8bc7db43-6b80-4e85-8442-7aafd9c35adb_poly_0_">
<gml:posList>691014.985 5336086.903 540.53 691016.45 5336090.631 540.53 691016.45 5336090.631 540.5 691018.214 5336095.118 540.5 691019.798 5336099.147 540.5 691019.798 5336099.147 530.85 691018.214 5336095.118 530.85 691016.45 5336090.631 530.85 691014.985 5336086.903 530.85 691014.985 5336086.903 540.53</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_baf7d7e9-9ff4-4746-9a5a-911950b150d2">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_f39de9d0-c4ee-4bb1-99f7-b40979e581c4" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_baf7d7e9-9ff4-4746-9a5a-911950b150d2_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_baf7d7e9-9ff4-4746-9a5a-911950b150d2_poly_0_">
<gml:posList>690976.77 5336026.268 530.92 690976.77 5336026.268 533.82 690986.05 5336022.639 533.82 690986.05 5336022.639 530.92 690976.77 5336026.268 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_cbc99375-6dc7-4d99-b2da-349c4c01d5f0">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_15a85d5d-04fb-468a-976a-a89e9d6d00a0" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_cbc99375-6dc7-4d99-b2da-349c4c01d5f0_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_cbc99375-6dc7-4d99-b2da-349c4c01d5f0_poly_0_">
<gml:posList>691042.711 5336075.913 527.279 691042.684 5336075.844 527.279 691042.684 5336075.844 509.79 691042.711 5336075.913 509.79 691045.163 5336082.106 509.79 691045.163 5336082.106 536.135 691042.711 5336075.913 533.77 691042.711 5336075.913 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_a4330d99-0bad-4389-a575-17d4b74fc6c8">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_181e8ff0-3343-4983-a9af-3ab6ba064ea7" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_a4330d99-0bad-4389-a575-17d4b74fc6c8_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_a4330d99-0bad-4389-a575-17d4b74fc6c8_poly_0_">
<gml:posList>690993.459 5335971.542 545.4 690988.22 5335983.562 546.82 690976.197 5335978.319 545.4 690993.459 5335971.542 545.4</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_6673f4f0-0384-4931-bf85-edc5fb6ef1e4">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_d0951561-5ae1-47f4-8bf9-9f261874117b" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_6673f4f0-0384-4931-bf85-edc5fb6ef1e4_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_6673f4f0-0384-4931-bf85-edc5fb6ef1e4_poly_0_">
<gml:posList>690957.156 5335976.351 509.79 690966.434 5335972.707 509.79 690969.619 5335971.456 509.79 690969.736 5335971.41 509.79 690969.736 5335971.41 540.61 690969.619 5335971.456 540.61 690969.619 5335971.456 530.92 690966.434 5335972.707 530.92 690957.156 5335976.351 530.92 690953.026 5335977.974 530.92 690953.026 5335977.974 509.79 690957.156 5335976.351 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_4f4b19e5-54a1-4ba9-9fd0-7b2e2978a5e2">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_a8b54e07-bad0-4278-9abe-8c9f37d79f63" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_4f4b19e5-54a1-4ba9-9fd0-7b2e2978a5e2_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_4f4b19e5-54a1-4ba9-9fd0-7b2e2978a5e2_poly_0_">
<gml:posList>691020.559 5336018.886 527.279 691029.837 5336015.249 527.279 691030.043 5336015.168 527.279 691030.043 5336015.168 509.79 691029.837 5336015.249 509.79 691020.559 5336018.886 509.79 691018.943 5336019.52 509.79 691018.943 5336019.52 527.279 691020.559 5336018.886 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_86706a24-48a3-44aa-846e-bc0d2687cbb5">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_4030a4a2-0cef-4a28-8d2e-8b85425d1434" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_86706a24-48a3-44aa-846e-bc0d2687cbb5_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_86706a24-48a3-44aa-846e-bc0d2687cbb5_poly_0_">
<gml:posList>691014.985 5336086.903 509.79 691015.17 5336086.831 509.79 691015.17 5336086.831 540.53 691014.985 5336086.903 540.53 691014.985 5336086.903 530.85 691012.608 5336087.832 530.85 691012.608 5336087.832 509.79 691014.985 5336086.903 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_1e8be220-9c18-416b-b333-6afc25cd958d">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_49766b06-884c-4537-903e-2f3e0b57ab86" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_1e8be220-9c18-416b-b333-6afc25cd958d_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_1e8be220-9c18-416b-b333-6afc25cd958d_poly_0_">
<gml:posList>690994.638 5335968.968 509.79 690994.638 5335968.968 540.61 690992.122 5335962.625 540.61 690992.122 5335962.625 509.79 690994.638 5335968.968 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_6c105139-c8d5-4df9-b425-91b4c4815423">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_39523c7b-a3d1-494f-9be3-c8d652daa83a" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_6c105139-c8d5-4df9-b425-91b4c4815423_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_6c105139-c8d5-4df9-b425-91b4c4815423_poly_0_">
<gml:posList>691012.608 5336087.832 530.85 691014.985 5336086.903 530.85 691016.45 5336090.631 530.85 691018.214 5336095.118 530.85 691019.798 5336099.147 530.85 691017.446 5336100.061 530.85 691003.217 5336105.592 530.85 691001.645 5336101.559 530.85 690999.895 5336097.068 530.85 690998.46 5336093.385 530.85 691012.608 5336087.832 530.85</gml:posList>
</gml:LinearRing>
</gml:exterior>
<gml:interior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_6c105139-c8d5-4df9-b425-91b4c4815423_poly_1_">
<gml:posList>691005.733 5336099.97 530.85 691015.024 5336096.358 530.85 691013.26 5336091.872 530.85 691003.97 5336095.483 530.85 691005.733 5336099.97 530.85</gml:posList>
</gml:LinearRing>
</gml:interior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_f6528330-49f9-49f8-bd69-79fc6d3775f2">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_141ce050-fc96-4403-af25-25ee91f10e96" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_f6528330-49f9-49f8-bd69-79fc6d3775f2_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_f6528330-49f9-49f8-bd69-79fc6d3775f2_poly_0_">
<gml:posList>691042.684 5336075.844 527.279 691042.711 5336075.913 527.279 691038.027 5336077.734 527.279 691038.008 5336077.685 527.279 691042.684 5336075.844 527.279</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_3d92221a-76d6-460a-8116-a810547bdcbe">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_dec8cd7f-3bed-4325-8f3c-fdd4d1dd8176" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_3d92221a-76d6-460a-8116-a810547bdcbe_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_3d92221a-76d6-460a-8116-a810547bdcbe_poly_0_">
<gml:posList>691004.373 5336059.891 530.92 691004.373 5336059.891 540.53 691004.591 5336059.805 540.53 691004.591 5336059.805 509.79 691004.373 5336059.891 509.79 690987.828 5336066.368 509.79 690987.828 5336066.368 530.92 691004.373 5336059.891 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_82c50f8a-7d6c-4459-9144-4c276e478584">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_1577d874-7d93-4f51-aca3-793f1a519fb0" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_82c50f8a-7d6c-4459-9144-4c276e478584_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_82c50f8a-7d6c-4459-9144-4c276e478584_poly_0_">
<gml:posList>690976.197 5335978.319 540.61 690976.197 5335978.319 545.4 691018.282 5336085.409 545.4 691018.282 5336085.409 540.61 691019.82 5336089.321 540.61 691019.82 5336089.321 540.53 691018.282 5336085.409 540.53 690976.197 5335978.319 540.53 690976.197 5335978.319 540.61</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_97e9ea08-8880-4bf7-88bf-47a9bace2f90">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_0824e79c-fb9b-4afc-a6c7-fe5926ac64d8" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_97e9ea08-8880-4bf7-88bf-47a9bace2f90_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_97e9ea08-8880-4bf7-88bf-47a9bace2f90_poly_0_">
<gml:posList>691023.532 5336073.418 546.82 691035.569 5336078.689 545.4 691018.282 5336085.409 545.4 691023.532 5336073.418 546.82</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_2bf95c01-66b3-4b03-b50b-218f093715cd">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_3b612daf-e134-49b5-a386-09f49a4779d9" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_2bf95c01-66b3-4b03-b50b-218f093715cd_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_2bf95c01-66b3-4b03-b50b-218f093715cd_poly_0_">
<gml:posList>690998.599 5335978.991 509.79 690998.599 5335978.991 540.61 690997.142 5335975.311 540.61 690997.142 5335975.311 509.79 690998.599 5335978.991 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_2881490d-b915-470a-8393-3d3a3e1a4897">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_54085e8c-f3b7-4e48-943c-f9f92fd149d8" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_2881490d-b915-470a-8393-3d3a3e1a4897_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_2881490d-b915-470a-8393-3d3a3e1a4897_poly_0_">
<gml:posList>690996.423 5336049.027 530.92 690996.423 5336049.027 533.42 690987.151 5336052.683 533.42 690987.151 5336052.683 530.92 690996.423 5336049.027 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_815306fe-eaf2-4aba-8079-76db53460a75">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_74e28a15-74b4-4005-b7c4-d2ae3c6ee5f6" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_815306fe-eaf2-4aba-8079-76db53460a75_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_815306fe-eaf2-4aba-8079-76db53460a75_poly_0_">
<gml:posList>690960.371 5335984.532 530.92 690960.371 5335984.532 532.15 690969.648 5335980.889 532.15 690969.648 5335980.889 530.92 690960.371 5335984.532 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_809f9c11-73d9-4671-9bf4-2030bc44e852">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_966e4877-51ab-4308-a0ae-f301e50f9197" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_809f9c11-73d9-4671-9bf4-2030bc44e852_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_809f9c11-73d9-4671-9bf4-2030bc44e852_poly_0_">
<gml:posList>691017.446 5336100.061 530.85 691019.798 5336099.147 530.85 691019.798 5336099.147 540.5 691027.744 5336096.057 540.5 691027.744 5336096.057 547.33 691027.834 5336096.022 547.33 691034.1 5336093.588 547.33 691034.1 5336093.588 540.5 691042.933 5336090.154 540.5 691042.933 5336090.154 533.788 691047.633 5336088.327 533.788 691047.633 5336088.327 509.79 691042.933 5336090.154 509.79 691034.1 5336093.588 509.79 691027.834 5336096.022 509.79 691027.744 5336096.057 509.79 691019.798 5336099.147 509.79 691017.446 5336100.061 509.79 691003.217 5336105.592 509.79 691003.217 5336105.592 530.85 691017.446 5336100.061 530.85</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_210976b4-04ab-40c7-a292-28ec46de99e1">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_39f3ed82-8c26-4aac-b1ba-cfcf2dd3d89d" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_210976b4-04ab-40c7-a292-28ec46de99e1_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_210976b4-04ab-40c7-a292-28ec46de99e1_poly_0_">
<gml:posList>690958.722 5335980.334 530.92 690958.722 5335980.334 532.15 690960.371 5335984.532 532.15 690960.371 5335984.532 530.92 690958.722 5335980.334 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_5aad7582-37d7-4f94-abf5-bd14240affff">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_c2cf5a43-4521-40c0-849c-36a841221afe" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_5aad7582-37d7-4f94-abf5-bd14240affff_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_5aad7582-37d7-4f94-abf5-bd14240affff_poly_0_">
<gml:posList>691009.528 5336005.573 509.79 691014.528 5336003.619 509.79 691023.82 5335999.987 509.79 691028.153 5335998.293 509.79 691037.683 5335994.568 509.79 691037.683 5335994.568 534.479 691028.153 5335998.293 534.479 691023.82 5335999.987 534.479 691014.528 5336003.619 534.479 691009.528 5336005.573 534.479 691009.528 5336005.573 540.61 691009.161 5336005.716 540.61 691009.161 5336005.716 509.79 691009.528 5336005.573 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_9639348f-a117-4ac6-aca9-79e57eb01aae">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_e88870f7-9983-4268-8447-0f7459588852" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_9639348f-a117-4ac6-aca9-79e57eb01aae_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_9639348f-a117-4ac6-aca9-79e57eb01aae_poly_0_">
<gml:posList>690988.22 5335983.562 546.82 691023.532 5336073.418 546.82 691018.282 5336085.409 545.4 690976.197 5335978.319 545.4 690988.22 5335983.562 546.82</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_5a4b0869-4aa9-4351-8bc3-b3bab6c759d9">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_7ac0adad-281a-4b9b-8b75-63820e0b6069" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_5a4b0869-4aa9-4351-8bc3-b3bab6c759d9_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_5a4b0869-4aa9-4351-8bc3-b3bab6c759d9_poly_0_">
<gml:posList>691005.733 5336099.97 530.85 691005.733 5336099.97 532.02 691015.024 5336096.358 532.02 691015.024 5336096.358 530.85 691005.733 5336099.97 530.85</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_d04c2fc6-04ed-4dd5-a6cc-1210b8bf05c2">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_9cad92c6-5963-4429-a844-5643cfc1fcc6" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_d04c2fc6-04ed-4dd5-a6cc-1210b8bf05c2_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_d04c2fc6-04ed-4dd5-a6cc-1210b8bf05c2_poly_0_">
<gml:posList>691013.26 5336091.872 532.02 691015.024 5336096.358 532.02 691005.733 5336099.97 532.02 691003.97 5336095.483 532.02 691013.26 5336091.872 532.02</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_eea9d3b4-b286-4751-b88d-b4e2581c9a5c">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_f7160830-bc27-4323-89f8-98a9d938e028" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_eea9d3b4-b286-4751-b88d-b4e2581c9a5c_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_eea9d3b4-b286-4751-b88d-b4e2581c9a5c_poly_0_">
<gml:posList>691026.161 5336092.029 540.5 691026.161 5336092.029 547.33 691027.744 5336096.057 547.33 691027.744 5336096.057 540.5 691026.161 5336092.029 540.5</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_e3d1b31a-6a77-41cc-9421-5b4b6c196399">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_9570f7d5-322a-4be9-bddc-8a8175071546" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_e3d1b31a-6a77-41cc-9421-5b4b6c196399_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_e3d1b31a-6a77-41cc-9421-5b4b6c196399_poly_0_">
<gml:posList>690997.34 5336051.356 530.92 690997.34 5336051.356 533.42 690996.423 5336049.027 533.42 690996.423 5336049.027 530.92 690997.34 5336051.356 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_9173e93a-34bf-488f-b49b-3b42bb8a6050">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_4a73e7d7-b203-40f0-b87d-b7a46ffd9b57" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_9173e93a-34bf-488f-b49b-3b42bb8a6050_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_9173e93a-34bf-488f-b49b-3b42bb8a6050_poly_0_">
<gml:posList>690968.595 5336017.425 530.92 690971.932 5336025.917 530.92 690972.695 5336027.86 530.92 690983.08 5336054.288 530.92 690983.996 5336056.618 530.92 690987.828 5336066.368 530.92 690987.828 5336066.368 509.79 690983.996 5336056.618 509.79 690983.08 5336054.288 509.79 690972.695 5336027.86 509.79 690971.932 5336025.917 509.79 690968.595 5336017.425 509.79 690968.595 5336017.425 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_8b5b56c7-b263-468d-a637-68631a0b56a4">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_b3042722-49be-4e7c-ac66-7803529afd51" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_8b5b56c7-b263-468d-a637-68631a0b56a4_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_8b5b56c7-b263-468d-a637-68631a0b56a4_poly_0_">
<gml:posList>690985.134 5336010.945 509.79 690985.323 5336010.872 509.79 690985.323 5336010.872 540.53 690985.134 5336010.945 540.53 690985.134 5336010.945 530.92 690968.595 5336017.425 530.92 690968.595 5336017.425 509.79 690985.134 5336010.945 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_3d28ba7f-5f4c-4f24-9dfb-cd1b8946e5ce">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_4542b2ab-4fe7-4e20-aafc-7dcba7fdf435" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_3d28ba7f-5f4c-4f24-9dfb-cd1b8946e5ce_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_3d28ba7f-5f4c-4f24-9dfb-cd1b8946e5ce_poly_0_">
<gml:posList>690990.242 5335963.358 509.79 690990.303 5335963.334 509.79 690990.303 5335963.334 540.61 690990.242 5335963.358 540.61 690969.736 5335971.41 540.61 690969.736 5335971.41 509.79 690990.242 5335963.358 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_7c02b6d4-05fc-4e6a-a3f1-44a9bb8d95a4">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_a5121ee5-c56b-41db-90fb-a97925a62172" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_7c02b6d4-05fc-4e6a-a3f1-44a9bb8d95a4_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_7c02b6d4-05fc-4e6a-a3f1-44a9bb8d95a4_poly_0_">
<gml:posList>691025.984 5336047.24 540.61 691025.984 5336047.24 534.479 691030.977 5336045.271 534.479 691040.226 5336041.623 534.479 691044.516 5336039.931 534.479 691054.069 5336036.165 534.479 691054.069 5336036.165 509.79 691044.516 5336039.931 509.79 691040.226 5336041.623 509.79 691030.977 5336045.271 509.79 691025.984 5336047.24 509.79 691025.549 5336047.411 509.79 691025.549 5336047.411 540.61 691025.984 5336047.24 540.61</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:RoofSurface gml:id="DEBY_LOD2_4959457_0d9e3443-9759-42c0-a3f7-905c971d3129">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_7309622d-aa0e-4ee1-b6cf-4511c1e1ce22" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_0d9e3443-9759-42c0-a3f7-905c971d3129_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_0d9e3443-9759-42c0-a3f7-905c971d3129_poly_0_">
<gml:posList>690996.423 5336049.027 533.42 690997.34 5336051.356 533.42 690988.067 5336055.013 533.42 690987.151 5336052.683 533.42 690996.423 5336049.027 533.42</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:RoofSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_da187106-7015-4f58-acc5-3001211055df">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_3eb95eb6-706b-4f17-b57a-2c0c88ddf16b" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_da187106-7015-4f58-acc5-3001211055df_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_da187106-7015-4f58-acc5-3001211055df_poly_0_">
<gml:posList>690986.05 5336022.639 530.92 690986.05 5336022.639 533.82 690985.287 5336020.695 533.82 690985.287 5336020.695 530.92 690986.05 5336022.639 530.92</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:WallSurface gml:id="DEBY_LOD2_4959457_ccc35b52-aa6a-41cc-9317-c44b76807f0b">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_256d8f25-acc0-447b-aaea-322b5bbcd9d7" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_ccc35b52-aa6a-41cc-9317-c44b76807f0b_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_ccc35b52-aa6a-41cc-9317-c44b76807f0b_poly_0_">
<gml:posList>690997.142 5335975.311 509.79 690997.142 5335975.311 540.61 690994.638 5335968.968 540.61 690994.638 5335968.968 509.79 690997.142 5335975.311 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:WallSurface>
</bldg:boundedBy>
<bldg:boundedBy>
<bldg:GroundSurface gml:id="DEBY_LOD2_4959457_f08ca16a-1673-446e-84ee-846e0c68312f">
<core:creationDate>2022-09-01</core:creationDate>
<bldg:lod2MultiSurface>
<gml:MultiSurface gml:id="ID_91701981-621b-4f6c-b524-8fd6c58ef4e6" srsName="EPSG:25832" srsDimension="3">
<gml:surfaceMember>
<gml:Polygon gml:id="DEBY_LOD2_4959457_f08ca16a-1673-446e-84ee-846e0c68312f_poly">
<gml:exterior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_f08ca16a-1673-446e-84ee-846e0c68312f_poly_0_">
<gml:posList>691051.62 5336029.95 509.79 691050.703 5336027.621 509.79 691049.457 5336024.457 509.79 691041.837 5336005.11 509.79 691040.377 5336001.403 509.79 691039.611 5335999.46 509.79 691037.683 5335994.568 509.79 691028.153 5335998.293 509.79 691023.82 5335999.987 509.79 691014.528 5336003.619 509.79 691009.528 5336005.573 509.79 691009.161 5336005.716 509.79 690998.599 5335978.991 509.79 690997.142 5335975.311 509.79 690994.638 5335968.968 509.79 690992.122 5335962.625 509.79 690990.303 5335963.334 509.79 690990.242 5335963.358 509.79 690969.736 5335971.41 509.79 690969.619 5335971.456 509.79 690966.434 5335972.707 509.79 690957.156 5335976.351 509.79 690953.026 5335977.974 509.79 690957.971 5335990.458 509.79 690962.066 5335988.848 509.79 690971.341 5335985.202 509.79 690974.527 5335983.95 509.79 690974.65 5335983.902 509.79 690983.876 5336007.212 509.79 690985.323 5336010.872 509.79 690985.134 5336010.945 509.79 690968.595 5336017.425 509.79 690971.932 5336025.917 509.79 690972.695 5336027.86 509.79 690983.08 5336054.288 509.79 690983.996 5336056.618 509.79 690987.828 5336066.368 509.79 691004.373 5336059.891 509.79 691004.591 5336059.805 509.79 691015.17 5336086.831 509.79 691014.985 5336086.903 509.79 691012.608 5336087.832 509.79 690998.46 5336093.385 509.79 690999.895 5336097.068 509.79 691001.645 5336101.559 509.79 691003.217 5336105.592 509.79 691017.446 5336100.061 509.79 691019.798 5336099.147 509.79 691027.744 5336096.057 509.79 691027.834 5336096.022 509.79 691034.1 5336093.588 509.79 691042.933 5336090.154 509.79 691047.633 5336088.327 509.79 691045.178 5336082.144 509.79 691045.163 5336082.106 509.79 691042.711 5336075.913 509.79 691042.684 5336075.844 509.79 691038.008 5336077.685 509.79 691037.55 5336077.865 509.79 691036.12 5336074.236 509.79 691025.549 5336047.411 509.79 691025.984 5336047.24 509.79 691030.977 5336045.271 509.79 691040.226 5336041.623 509.79 691044.516 5336039.931 509.79 691054.069 5336036.165 509.79 691051.62 5336029.95 509.79</gml:posList>
</gml:LinearRing>
</gml:exterior>
<gml:interior>
<gml:LinearRing gml:id="DEBY_LOD2_4959457_f08ca16a-1673-446e-84ee-846e0c68312f_poly_1_">
<gml:posList>691034.204 5336026.336 509.79 691024.947 5336029.995 509.79 691023.314 5336030.639 509.79 691018.943 5336019.52 509.79 691020.559 5336018.886 509.79 691029.837 5336015.249 509.79 691030.043 5336015.168 509.79 691034.403 5336026.258 509.79 691034.204 5336026.336 509.79</gml:posList>
</gml:LinearRing>
</gml:interior>
</gml:Polygon>
</gml:surfaceMember>
</gml:MultiSurface>
</bldg:lod2MultiSurface>
</bldg:GroundSurface>
</bldg:boundedBy>
<bldg:address>
<core:Address><core:xalAddress><xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="City">
                  <xAL:LocalityName>München</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareName>Arcisstraße 21</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails></core:xalAddress>
</core:Address>
</bldg:address>
</bldg:Building>
</core:cityObjectMember>
</core:CityModel>
