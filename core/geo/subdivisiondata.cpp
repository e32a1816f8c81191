#include "geo/regiondata.h"

namespace tp::geo::data {

// The 50 states and the District of Columbia: USPS code, name, other spellings.
static const StateRow stateRows[] = {
    { u"AL", u"Alabama", u"Ala." },
    { u"AK", u"Alaska", u"" },
    { u"AZ", u"Arizona", u"Ariz." },
    { u"AR", u"Arkansas", u"Ark." },
    { u"CA", u"California", u"Calif.|Cal." },
    { u"CO", u"Colorado", u"Colo." },
    { u"CT", u"Connecticut", u"Conn." },
    { u"DE", u"Delaware", u"Del." },
    { u"DC", u"District of Columbia", u"Washington DC|Washington, D.C.|D.C.|Wash. D.C." },
    { u"FL", u"Florida", u"Fla." },
    { u"GA", u"Georgia", u"" },
    { u"HI", u"Hawaii", u"Hawaiʻi|Hawai'i" },
    { u"ID", u"Idaho", u"" },
    { u"IL", u"Illinois", u"Ill." },
    { u"IN", u"Indiana", u"Ind." },
    { u"IA", u"Iowa", u"" },
    { u"KS", u"Kansas", u"Kans." },
    { u"KY", u"Kentucky", u"Ky." },
    { u"LA", u"Louisiana", u"" },
    { u"ME", u"Maine", u"" },
    { u"MD", u"Maryland", u"Md." },
    { u"MA", u"Massachusetts", u"Mass." },
    { u"MI", u"Michigan", u"Mich." },
    { u"MN", u"Minnesota", u"Minn." },
    { u"MS", u"Mississippi", u"Miss." },
    { u"MO", u"Missouri", u"" },
    { u"MT", u"Montana", u"Mont." },
    { u"NE", u"Nebraska", u"Nebr.|Neb." },
    { u"NV", u"Nevada", u"Nev." },
    { u"NH", u"New Hampshire", u"N.H." },
    { u"NJ", u"New Jersey", u"N.J." },
    { u"NM", u"New Mexico", u"N.M.|N. Mex." },
    { u"NY", u"New York", u"N.Y.|New York State|NYS" },
    { u"NC", u"North Carolina", u"N.C.|N. Carolina" },
    { u"ND", u"North Dakota", u"N.D.|N. Dakota" },
    { u"OH", u"Ohio", u"" },
    { u"OK", u"Oklahoma", u"Okla." },
    { u"OR", u"Oregon", u"Ore.|Oreg." },
    { u"PA", u"Pennsylvania", u"Penn.|Penna." },
    { u"RI", u"Rhode Island", u"R.I." },
    { u"SC", u"South Carolina", u"S.C.|S. Carolina" },
    { u"SD", u"South Dakota", u"S.D.|S. Dakota" },
    { u"TN", u"Tennessee", u"Tenn." },
    { u"TX", u"Texas", u"Tex." },
    { u"UT", u"Utah", u"" },
    { u"VT", u"Vermont", u"" },
    { u"VA", u"Virginia", u"" },
    { u"WA", u"Washington", u"Wash.|Washington State" },
    { u"WV", u"West Virginia", u"W. Va.|W. Virginia" },
    { u"WI", u"Wisconsin", u"Wis.|Wisc." },
    { u"WY", u"Wyoming", u"Wyo." },
};

// First-level subdivisions (ISO 3166-2 codes) in their own language and in English, with common
// abbreviations. A name that two countries share is left out of the look-up without a country.
static const SubdivisionRow subdivisionRows[] = {
    { u"DE", false,
      u"BW=Baden-Württemberg|Baden Wurttemberg; BY=Bayern|Bavaria|Freistaat Bayern; BE=Berlin; "
      u"BB=Brandenburg; HB=Bremen|Freie Hansestadt Bremen; HH=Hamburg|Freie und Hansestadt "
      u"Hamburg; "
      u"HE=Hessen|Hesse; MV=Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania|Mecklenburg-West "
      u"Pomerania; NI=Niedersachsen|Lower Saxony; NW=Nordrhein-Westfalen|North "
      u"Rhine-Westphalia|NRW; "
      u"RP=Rheinland-Pfalz|Rhineland-Palatinate; SL=Saarland; SN=Sachsen|Saxony|Freistaat Sachsen; "
      u"ST=Sachsen-Anhalt|Saxony-Anhalt; SH=Schleswig-Holstein; TH=Thüringen|Thuringia" },
    { u"FR", false,
      u"ARA=Auvergne-Rhône-Alpes; BFC=Bourgogne-Franche-Comté|Burgundy-Franche-Comté; "
      u"BRE=Bretagne|Brittany; CVL=Centre-Val de Loire|Centre; 20R=Corse|Corsica; GES=Grand Est|"
      u"Alsace|Lorraine|Champagne-Ardenne; "
      u"HDF=Hauts-de-France|Nord-Pas-de-Calais|Picardie|Picardy; "
      u"IDF=Île-de-France|Ile de France|Paris Region|Région parisienne; NOR=Normandie|Normandy; "
      u"NAQ=Nouvelle-Aquitaine|Aquitaine|Limousin|Poitou-Charentes; OCC=Occitanie|Occitania|"
      u"Languedoc-Roussillon|Midi-Pyrénées; PDL=Pays de la Loire; PAC=Provence-Alpes-Côte d'Azur|"
      u"PACA|Provence|Côte d'Azur|French Riviera; 75=Paris" },
    { u"CA", true,
      u"AB=Alberta; BC=British Columbia|Colombie-Britannique|B.C.; MB=Manitoba; NB=New "
      u"Brunswick|Nouveau-Brunswick; NL=Newfoundland and Labrador|Newfoundland|Terre-Neuve-et-"
      u"Labrador|NF|NFLD; NS=Nova Scotia|Nouvelle-Écosse; NT=Northwest Territories|Territoires du "
      u"Nord-Ouest|NWT; NU=Nunavut; ON=Ontario|ONT; PE=Prince Edward "
      u"Island|Île-du-Prince-Édouard|PEI|"
      u"P.E.I.; QC=Quebec|Québec|PQ|QUE; SK=Saskatchewan|SASK; YT=Yukon|Yukon Territory|YK" },
    { u"GB", false,
      u"ENG=England; SCT=Scotland|Alba; WLS=Wales|Cymru; NIR=Northern Ireland|N. Ireland|Ulster; "
      u"LND=London|Greater London" },
    { u"ES", false,
      u"AN=Andalucía|Andalusia; AR=Aragón|Aragon; AS=Asturias|Principado de Asturias; "
      u"IB=Illes Balears|Islas Baleares|Balearic Islands|Baleares; PV=País Vasco|Euskadi|Euskal "
      u"Herria|Basque Country; CN=Canarias|Islas Canarias|Canary Islands; CB=Cantabria; "
      u"CL=Castilla y León|Castile and León|Castile and Leon; CM=Castilla-La Mancha|Castile-La "
      u"Mancha; "
      u"CT=Catalunya|Cataluña|Catalonia; EX=Extremadura; GA=Galicia; MD=Comunidad de "
      u"Madrid|Madrid; "
      u"MC=Región de Murcia|Murcia; NC=Navarra|Nafarroa|Navarre|Comunidad Foral de Navarra; RI=La "
      u"Rioja; VC=Comunitat Valenciana|Comunidad Valenciana|Valencian Community|Valencia; "
      u"CE=Ceuta; "
      u"ML=Melilla; B=Barcelona; SE=Sevilla|Seville; MA=Málaga|Malaga" },
    { u"IT", false,
      u"65=Abruzzo|Abruzzi; 77=Basilicata; 78=Calabria; 72=Campania; 45=Emilia-Romagna; 36=Friuli "
      u"Venezia Giulia|Friuli-Venezia Giulia|Friuli; 62=Lazio|Latium; 42=Liguria; 25=Lombardia|"
      u"Lombardy; 57=Marche|The Marches; 67=Molise; 21=Piemonte|Piedmont; 75=Puglia|Apulia; "
      u"88=Sardegna|Sardinia; 82=Sicilia|Sicily; 52=Toscana|Tuscany; 32=Trentino-Alto Adige|"
      u"Trentino-Südtirol|Trentino-South Tyrol|South Tyrol|Südtirol|Alto Adige|Trentino; "
      u"55=Umbria; "
      u"23=Valle d'Aosta|Vallée d'Aoste|Aosta Valley; 34=Veneto; RM=Roma|Rome; MI=Milano|Milan; "
      u"TO=Torino|Turin; NA=Napoli|Naples; FI=Firenze|Florence" },
    { u"AU", true,
      u"ACT=Australian Capital Territory|Canberra; NSW=New South Wales; NT=Northern Territory; "
      u"QLD=Queensland; SA=South Australia; TAS=Tasmania; VIC=Victoria; WA=Western Australia" },
    { u"IN", false,
      u"AN=Andaman and Nicobar Islands; AP=Andhra Pradesh; AR=Arunachal Pradesh; AS=Assam; "
      u"BR=Bihar; CH=Chandigarh; CT=Chhattisgarh; DH=Dadra and Nagar Haveli and Daman and Diu; "
      u"DL=Delhi|New Delhi|NCT of Delhi|National Capital Territory of Delhi; GA=Goa; GJ=Gujarat; "
      u"HR=Haryana; HP=Himachal Pradesh; JK=Jammu and Kashmir; JH=Jharkhand; KA=Karnataka|"
      u"Bengaluru|Bangalore; KL=Kerala; LA=Ladakh; LD=Lakshadweep; MP=Madhya Pradesh; "
      u"MH=Maharashtra|Mumbai|Bombay; MN=Manipur; ML=Meghalaya; MZ=Mizoram; NL=Nagaland; OR=Odisha|"
      u"Orissa; PY=Puducherry|Pondicherry; PB=Punjab; RJ=Rajasthan; SK=Sikkim; TN=Tamil Nadu|"
      u"Chennai|Madras; TG=Telangana|Hyderabad; TR=Tripura; UP=Uttar Pradesh; UT=Uttarakhand|"
      u"Uttaranchal; WB=West Bengal|Kolkata|Calcutta" },
    { u"MX", false,
      u"AGU=Aguascalientes; BCN=Baja California; BCS=Baja California Sur; CAM=Campeche; "
      u"CHP=Chiapas; CHH=Chihuahua; CMX=Ciudad de México|Mexico City|CDMX|Distrito Federal|México "
      u"D.F.|Mexico DF; COA=Coahuila|Coahuila de Zaragoza; COL=Colima; DUR=Durango; "
      u"GUA=Guanajuato; "
      u"GRO=Guerrero; HID=Hidalgo; JAL=Jalisco|Guadalajara; MEX=Estado de México|State of Mexico|"
      u"Edomex; MIC=Michoacán|Michoacán de Ocampo; MOR=Morelos; NAY=Nayarit; NLE=Nuevo León|Nuevo "
      u"Leon|Monterrey; OAX=Oaxaca; PUE=Puebla; QUE=Querétaro|Queretaro; ROO=Quintana Roo|Cancún; "
      u"SLP=San Luis Potosí; SIN=Sinaloa; SON=Sonora; TAB=Tabasco; TAM=Tamaulipas; TLA=Tlaxcala; "
      u"VER=Veracruz|Veracruz de Ignacio de la Llave; YUC=Yucatán|Yucatan; ZAC=Zacatecas" },
    { u"BR", false,
      u"AC=Acre; AL=Alagoas; AP=Amapá; AM=Amazonas; BA=Bahia; CE=Ceará; DF=Distrito Federal|"
      u"Brasília; ES=Espírito Santo; GO=Goiás; MA=Maranhão; MT=Mato Grosso; MS=Mato Grosso "
      u"do Sul; MG=Minas Gerais; PA=Pará; PB=Paraíba; PR=Paraná; PE=Pernambuco; PI=Piauí; RJ=Rio "
      u"de "
      u"Janeiro; RN=Rio Grande do Norte; RS=Rio Grande do Sul; RO=Rondônia; RR=Roraima; SC=Santa "
      u"Catarina; SP=São Paulo; SE=Sergipe; TO=Tocantins" },
    { u"JP", false,
      u"01=Hokkaido|Hokkaidō; 02=Aomori; 03=Iwate; 04=Miyagi; 05=Akita; 06=Yamagata; 07=Fukushima; "
      u"08=Ibaraki; 09=Tochigi; 10=Gunma; 11=Saitama; 12=Chiba; "
      u"13=Tokyo|Tōkyō|Tokyo-to|東京都|東京; "
      u"14=Kanagawa; 15=Niigata; 16=Toyama; 17=Ishikawa; 18=Fukui; 19=Yamanashi; 20=Nagano; "
      u"21=Gifu; 22=Shizuoka; 23=Aichi|Nagoya; 24=Mie; 25=Shiga; 26=Kyoto|Kyōto|Kyoto-fu; "
      u"27=Osaka|Ōsaka|Osaka-fu|大阪府; 28=Hyogo|Hyōgo|Kobe; 29=Nara; 30=Wakayama; 31=Tottori; "
      u"32=Shimane; 33=Okayama; 34=Hiroshima; 35=Yamaguchi; 36=Tokushima; 37=Kagawa; 38=Ehime; "
      u"39=Kochi|Kōchi; 40=Fukuoka; 41=Saga; 42=Nagasaki; 43=Kumamoto; 44=Oita|Ōita; 45=Miyazaki; "
      u"46=Kagoshima; 47=Okinawa" },
    { u"CN", false,
      u"AH=Anhui; BJ=Beijing|Peking|北京|北京市; CQ=Chongqing|重庆; FJ=Fujian; GS=Gansu; "
      u"GD=Guangdong|Canton|Guangzhou|Shenzhen|广东; GX=Guangxi|Guangxi Zhuang Autonomous Region; "
      u"GZ=Guizhou; HI=Hainan; HE=Hebei; HL=Heilongjiang; HA=Henan; HB=Hubei|Wuhan; HN=Hunan; "
      u"JS=Jiangsu|Nanjing|Suzhou; JX=Jiangxi; JL=Jilin; LN=Liaoning; NM=Inner Mongolia|Nei Mongol|"
      u"Nei Menggu; NX=Ningxia; QH=Qinghai; SN=Shaanxi|Xi'an; SD=Shandong; "
      u"SH=Shanghai|上海|上海市; "
      u"SX=Shanxi; SC=Sichuan|Chengdu; TJ=Tianjin|天津; XJ=Xinjiang; XZ=Tibet|Xizang; YN=Yunnan; "
      u"ZJ=Zhejiang|Hangzhou" },
    { u"NL", false,
      u"DR=Drenthe; FL=Flevoland; FR=Fryslân|Friesland; GE=Gelderland; GR=Groningen; LI=Limburg; "
      u"NB=Noord-Brabant|North Brabant|Brabant; NH=Noord-Holland|North Holland|Amsterdam; "
      u"OV=Overijssel; UT=Utrecht; ZE=Zeeland; ZH=Zuid-Holland|South Holland|Rotterdam|Den Haag|"
      u"The Hague" },
    { u"CH", false,
      u"AG=Aargau|Argovie; AR=Appenzell Ausserrhoden; AI=Appenzell Innerrhoden; "
      u"BL=Basel-Landschaft|"
      u"Basel-Land|Bâle-Campagne; BS=Basel-Stadt|Basel|Bâle|Basle; BE=Bern|Berne; FR=Freiburg|"
      u"Fribourg; GE=Genève|Geneva|Genf|Ginevra; GL=Glarus; GR=Graubünden|Grisons|Grigioni; "
      u"JU=Jura (Suisse)|Canton of Jura|Canton du Jura; LU=Luzern|Lucerne; NE=Neuchâtel|Neuenburg; "
      u"NW=Nidwalden; OW=Obwalden; SG=Sankt Gallen|St. Gallen|Saint-Gall; SH=Schaffhausen; "
      u"SZ=Schwyz; SO=Solothurn|Soleure; TG=Thurgau|Thurgovie; TI=Ticino|Tessin; UR=Uri; "
      u"VS=Valais|Wallis; VD=Vaud|Waadt|Lausanne; ZG=Zug|Zoug; ZH=Zürich|Zurich|Zuerich" },
    { u"AT", false,
      u"1=Burgenland; 2=Kärnten|Carinthia; 3=Niederösterreich|Lower Austria; "
      u"4=Oberösterreich|Upper "
      u"Austria; 5=Salzburg|Land Salzburg; 6=Steiermark|Styria; 7=Tirol|Tyrol; 8=Vorarlberg; "
      u"9=Wien|Vienna|Vienne" },
};

std::span<const StateRow> usStates()
{
    return stateRows;
}

std::span<const SubdivisionRow> subdivisions()
{
    return subdivisionRows;
}

} // namespace tp::geo::data
