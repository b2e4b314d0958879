// The country table and its name index. See embargo/import/countries.h.
//
// kCountries holds ISO 3166-1 (from the ISO 3166 standard as published in
// Debian's iso-codes 4.15), then Kosovo (XKX) and the historic ISO 3166-3
// codes the registers need. kIsoAliases holds ISO's short, common and
// official names where they differ from the display name, and the inverted
// short names turned around ("Korea, Republic of" -> "Republic of Korea");
// kExtraAliases holds the spellings sanctions lists and arms registers use.
// The index folds every name with text_internal::FoldName (lib/text/names.h)
// and is built once.
//
// Over 600 lines because it is a data table (256 countries and about 320
// other spellings), one entry per line so that a review sees each one; the
// code is the last 120 lines.

#include "embargo/import/countries.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "lib/text/names.h"

namespace embargo {
namespace {

struct CountryRow {
  const char* alpha3;
  const char* alpha2;  // "" for historic codes whose alpha-2 was reused.
  const char* name;
};

struct AliasRow {
  const char* name;
  const char* alpha3;
};

constexpr CountryRow kCountries[] = {
    {"ABW", "AW", "Aruba"},
    {"AFG", "AF", "Afghanistan"},
    {"AGO", "AO", "Angola"},
    {"AIA", "AI", "Anguilla"},
    {"ALA", "AX", "Åland Islands"},
    {"ALB", "AL", "Albania"},
    {"AND", "AD", "Andorra"},
    {"ARE", "AE", "United Arab Emirates"},
    {"ARG", "AR", "Argentina"},
    {"ARM", "AM", "Armenia"},
    {"ASM", "AS", "American Samoa"},
    {"ATA", "AQ", "Antarctica"},
    {"ATF", "TF", "French Southern Territories"},
    {"ATG", "AG", "Antigua and Barbuda"},
    {"AUS", "AU", "Australia"},
    {"AUT", "AT", "Austria"},
    {"AZE", "AZ", "Azerbaijan"},
    {"BDI", "BI", "Burundi"},
    {"BEL", "BE", "Belgium"},
    {"BEN", "BJ", "Benin"},
    {"BES", "BQ", "Bonaire, Sint Eustatius and Saba"},
    {"BFA", "BF", "Burkina Faso"},
    {"BGD", "BD", "Bangladesh"},
    {"BGR", "BG", "Bulgaria"},
    {"BHR", "BH", "Bahrain"},
    {"BHS", "BS", "Bahamas"},
    {"BIH", "BA", "Bosnia and Herzegovina"},
    {"BLM", "BL", "Saint Barthélemy"},
    {"BLR", "BY", "Belarus"},
    {"BLZ", "BZ", "Belize"},
    {"BMU", "BM", "Bermuda"},
    {"BOL", "BO", "Bolivia"},
    {"BRA", "BR", "Brazil"},
    {"BRB", "BB", "Barbados"},
    {"BRN", "BN", "Brunei Darussalam"},
    {"BTN", "BT", "Bhutan"},
    {"BVT", "BV", "Bouvet Island"},
    {"BWA", "BW", "Botswana"},
    {"CAF", "CF", "Central African Republic"},
    {"CAN", "CA", "Canada"},
    {"CCK", "CC", "Cocos (Keeling) Islands"},
    {"CHE", "CH", "Switzerland"},
    {"CHL", "CL", "Chile"},
    {"CHN", "CN", "China"},
    {"CIV", "CI", "Côte d'Ivoire"},
    {"CMR", "CM", "Cameroon"},
    {"COD", "CD", "Democratic Republic of the Congo"},
    {"COG", "CG", "Congo"},
    {"COK", "CK", "Cook Islands"},
    {"COL", "CO", "Colombia"},
    {"COM", "KM", "Comoros"},
    {"CPV", "CV", "Cabo Verde"},
    {"CRI", "CR", "Costa Rica"},
    {"CUB", "CU", "Cuba"},
    {"CUW", "CW", "Curaçao"},
    {"CXR", "CX", "Christmas Island"},
    {"CYM", "KY", "Cayman Islands"},
    {"CYP", "CY", "Cyprus"},
    {"CZE", "CZ", "Czechia"},
    {"DEU", "DE", "Germany"},
    {"DJI", "DJ", "Djibouti"},
    {"DMA", "DM", "Dominica"},
    {"DNK", "DK", "Denmark"},
    {"DOM", "DO", "Dominican Republic"},
    {"DZA", "DZ", "Algeria"},
    {"ECU", "EC", "Ecuador"},
    {"EGY", "EG", "Egypt"},
    {"ERI", "ER", "Eritrea"},
    {"ESH", "EH", "Western Sahara"},
    {"ESP", "ES", "Spain"},
    {"EST", "EE", "Estonia"},
    {"ETH", "ET", "Ethiopia"},
    {"FIN", "FI", "Finland"},
    {"FJI", "FJ", "Fiji"},
    {"FLK", "FK", "Falkland Islands (Malvinas)"},
    {"FRA", "FR", "France"},
    {"FRO", "FO", "Faroe Islands"},
    {"FSM", "FM", "Micronesia"},
    {"GAB", "GA", "Gabon"},
    {"GBR", "GB", "United Kingdom"},
    {"GEO", "GE", "Georgia"},
    {"GGY", "GG", "Guernsey"},
    {"GHA", "GH", "Ghana"},
    {"GIB", "GI", "Gibraltar"},
    {"GIN", "GN", "Guinea"},
    {"GLP", "GP", "Guadeloupe"},
    {"GMB", "GM", "Gambia"},
    {"GNB", "GW", "Guinea-Bissau"},
    {"GNQ", "GQ", "Equatorial Guinea"},
    {"GRC", "GR", "Greece"},
    {"GRD", "GD", "Grenada"},
    {"GRL", "GL", "Greenland"},
    {"GTM", "GT", "Guatemala"},
    {"GUF", "GF", "French Guiana"},
    {"GUM", "GU", "Guam"},
    {"GUY", "GY", "Guyana"},
    {"HKG", "HK", "Hong Kong"},
    {"HMD", "HM", "Heard Island and McDonald Islands"},
    {"HND", "HN", "Honduras"},
    {"HRV", "HR", "Croatia"},
    {"HTI", "HT", "Haiti"},
    {"HUN", "HU", "Hungary"},
    {"IDN", "ID", "Indonesia"},
    {"IMN", "IM", "Isle of Man"},
    {"IND", "IN", "India"},
    {"IOT", "IO", "British Indian Ocean Territory"},
    {"IRL", "IE", "Ireland"},
    {"IRN", "IR", "Iran"},
    {"IRQ", "IQ", "Iraq"},
    {"ISL", "IS", "Iceland"},
    {"ISR", "IL", "Israel"},
    {"ITA", "IT", "Italy"},
    {"JAM", "JM", "Jamaica"},
    {"JEY", "JE", "Jersey"},
    {"JOR", "JO", "Jordan"},
    {"JPN", "JP", "Japan"},
    {"KAZ", "KZ", "Kazakhstan"},
    {"KEN", "KE", "Kenya"},
    {"KGZ", "KG", "Kyrgyzstan"},
    {"KHM", "KH", "Cambodia"},
    {"KIR", "KI", "Kiribati"},
    {"KNA", "KN", "Saint Kitts and Nevis"},
    {"KOR", "KR", "South Korea"},
    {"KWT", "KW", "Kuwait"},
    {"LAO", "LA", "Laos"},
    {"LBN", "LB", "Lebanon"},
    {"LBR", "LR", "Liberia"},
    {"LBY", "LY", "Libya"},
    {"LCA", "LC", "Saint Lucia"},
    {"LIE", "LI", "Liechtenstein"},
    {"LKA", "LK", "Sri Lanka"},
    {"LSO", "LS", "Lesotho"},
    {"LTU", "LT", "Lithuania"},
    {"LUX", "LU", "Luxembourg"},
    {"LVA", "LV", "Latvia"},
    {"MAC", "MO", "Macao"},
    {"MAF", "MF", "Saint Martin (French part)"},
    {"MAR", "MA", "Morocco"},
    {"MCO", "MC", "Monaco"},
    {"MDA", "MD", "Moldova"},
    {"MDG", "MG", "Madagascar"},
    {"MDV", "MV", "Maldives"},
    {"MEX", "MX", "Mexico"},
    {"MHL", "MH", "Marshall Islands"},
    {"MKD", "MK", "North Macedonia"},
    {"MLI", "ML", "Mali"},
    {"MLT", "MT", "Malta"},
    {"MMR", "MM", "Myanmar"},
    {"MNE", "ME", "Montenegro"},
    {"MNG", "MN", "Mongolia"},
    {"MNP", "MP", "Northern Mariana Islands"},
    {"MOZ", "MZ", "Mozambique"},
    {"MRT", "MR", "Mauritania"},
    {"MSR", "MS", "Montserrat"},
    {"MTQ", "MQ", "Martinique"},
    {"MUS", "MU", "Mauritius"},
    {"MWI", "MW", "Malawi"},
    {"MYS", "MY", "Malaysia"},
    {"MYT", "YT", "Mayotte"},
    {"NAM", "NA", "Namibia"},
    {"NCL", "NC", "New Caledonia"},
    {"NER", "NE", "Niger"},
    {"NFK", "NF", "Norfolk Island"},
    {"NGA", "NG", "Nigeria"},
    {"NIC", "NI", "Nicaragua"},
    {"NIU", "NU", "Niue"},
    {"NLD", "NL", "Netherlands"},
    {"NOR", "NO", "Norway"},
    {"NPL", "NP", "Nepal"},
    {"NRU", "NR", "Nauru"},
    {"NZL", "NZ", "New Zealand"},
    {"OMN", "OM", "Oman"},
    {"PAK", "PK", "Pakistan"},
    {"PAN", "PA", "Panama"},
    {"PCN", "PN", "Pitcairn"},
    {"PER", "PE", "Peru"},
    {"PHL", "PH", "Philippines"},
    {"PLW", "PW", "Palau"},
    {"PNG", "PG", "Papua New Guinea"},
    {"POL", "PL", "Poland"},
    {"PRI", "PR", "Puerto Rico"},
    {"PRK", "KP", "North Korea"},
    {"PRT", "PT", "Portugal"},
    {"PRY", "PY", "Paraguay"},
    {"PSE", "PS", "Palestine"},
    {"PYF", "PF", "French Polynesia"},
    {"QAT", "QA", "Qatar"},
    {"REU", "RE", "Réunion"},
    {"ROU", "RO", "Romania"},
    {"RUS", "RU", "Russia"},
    {"RWA", "RW", "Rwanda"},
    {"SAU", "SA", "Saudi Arabia"},
    {"SDN", "SD", "Sudan"},
    {"SEN", "SN", "Senegal"},
    {"SGP", "SG", "Singapore"},
    {"SGS", "GS", "South Georgia and the South Sandwich Islands"},
    {"SHN", "SH", "Saint Helena, Ascension and Tristan da Cunha"},
    {"SJM", "SJ", "Svalbard and Jan Mayen"},
    {"SLB", "SB", "Solomon Islands"},
    {"SLE", "SL", "Sierra Leone"},
    {"SLV", "SV", "El Salvador"},
    {"SMR", "SM", "San Marino"},
    {"SOM", "SO", "Somalia"},
    {"SPM", "PM", "Saint Pierre and Miquelon"},
    {"SRB", "RS", "Serbia"},
    {"SSD", "SS", "South Sudan"},
    {"STP", "ST", "Sao Tome and Principe"},
    {"SUR", "SR", "Suriname"},
    {"SVK", "SK", "Slovakia"},
    {"SVN", "SI", "Slovenia"},
    {"SWE", "SE", "Sweden"},
    {"SWZ", "SZ", "Eswatini"},
    {"SXM", "SX", "Sint Maarten (Dutch part)"},
    {"SYC", "SC", "Seychelles"},
    {"SYR", "SY", "Syria"},
    {"TCA", "TC", "Turks and Caicos Islands"},
    {"TCD", "TD", "Chad"},
    {"TGO", "TG", "Togo"},
    {"THA", "TH", "Thailand"},
    {"TJK", "TJ", "Tajikistan"},
    {"TKL", "TK", "Tokelau"},
    {"TKM", "TM", "Turkmenistan"},
    {"TLS", "TL", "Timor-Leste"},
    {"TON", "TO", "Tonga"},
    {"TTO", "TT", "Trinidad and Tobago"},
    {"TUN", "TN", "Tunisia"},
    {"TUR", "TR", "Türkiye"},
    {"TUV", "TV", "Tuvalu"},
    {"TWN", "TW", "Taiwan"},
    {"TZA", "TZ", "Tanzania"},
    {"UGA", "UG", "Uganda"},
    {"UKR", "UA", "Ukraine"},
    {"UMI", "UM", "United States Minor Outlying Islands"},
    {"URY", "UY", "Uruguay"},
    {"USA", "US", "United States"},
    {"UZB", "UZ", "Uzbekistan"},
    {"VAT", "VA", "Vatican City"},
    {"VCT", "VC", "Saint Vincent and the Grenadines"},
    {"VEN", "VE", "Venezuela"},
    {"VGB", "VG", "Virgin Islands, British"},
    {"VIR", "VI", "Virgin Islands, U.S."},
    {"VNM", "VN", "Vietnam"},
    {"VUT", "VU", "Vanuatu"},
    {"WLF", "WF", "Wallis and Futuna"},
    {"WSM", "WS", "Samoa"},
    {"YEM", "YE", "Yemen"},
    {"ZAF", "ZA", "South Africa"},
    {"ZMB", "ZM", "Zambia"},
    {"ZWE", "ZW", "Zimbabwe"},
    {"ANT", "", "Netherlands Antilles"},
    {"CSK", "", "Czechoslovakia"},
    {"DDR", "", "East Germany"},
    {"SCG", "", "Serbia and Montenegro"},
    {"SUN", "", "Soviet Union"},
    {"XKX", "XK", "Kosovo"},
    {"YUG", "", "Yugoslavia"},
};
constexpr AliasRow kIsoAliases[] = {
    {"Islamic Republic of Afghanistan", "AFG"},
    {"Republic of Angola", "AGO"},
    {"Republic of Albania", "ALB"},
    {"Principality of Andorra", "AND"},
    {"Argentine Republic", "ARG"},
    {"Republic of Armenia", "ARM"},
    {"Republic of Austria", "AUT"},
    {"Republic of Azerbaijan", "AZE"},
    {"Republic of Burundi", "BDI"},
    {"Kingdom of Belgium", "BEL"},
    {"Republic of Benin", "BEN"},
    {"Sint Eustatius and Saba Bonaire", "BES"},
    {"People's Republic of Bangladesh", "BGD"},
    {"Republic of Bulgaria", "BGR"},
    {"Kingdom of Bahrain", "BHR"},
    {"Commonwealth of the Bahamas", "BHS"},
    {"Republic of Bosnia and Herzegovina", "BIH"},
    {"Republic of Belarus", "BLR"},
    {"Bolivia, Plurinational State of", "BOL"},
    {"Plurinational State of Bolivia", "BOL"},
    {"Federative Republic of Brazil", "BRA"},
    {"Kingdom of Bhutan", "BTN"},
    {"Republic of Botswana", "BWA"},
    {"Swiss Confederation", "CHE"},
    {"Republic of Chile", "CHL"},
    {"People's Republic of China", "CHN"},
    {"Republic of Côte d'Ivoire", "CIV"},
    {"Republic of Cameroon", "CMR"},
    {"Congo, The Democratic Republic of the", "COD"},
    {"The Democratic Republic of the Congo", "COD"},
    {"Republic of the Congo", "COG"},
    {"Republic of Colombia", "COL"},
    {"Union of the Comoros", "COM"},
    {"Republic of Cabo Verde", "CPV"},
    {"Republic of Costa Rica", "CRI"},
    {"Republic of Cuba", "CUB"},
    {"Republic of Cyprus", "CYP"},
    {"Czech Republic", "CZE"},
    {"Federal Republic of Germany", "DEU"},
    {"Republic of Djibouti", "DJI"},
    {"Commonwealth of Dominica", "DMA"},
    {"Kingdom of Denmark", "DNK"},
    {"People's Democratic Republic of Algeria", "DZA"},
    {"Republic of Ecuador", "ECU"},
    {"Arab Republic of Egypt", "EGY"},
    {"the State of Eritrea", "ERI"},
    {"Kingdom of Spain", "ESP"},
    {"Republic of Estonia", "EST"},
    {"Federal Democratic Republic of Ethiopia", "ETH"},
    {"Republic of Finland", "FIN"},
    {"Republic of Fiji", "FJI"},
    {"French Republic", "FRA"},
    {"Micronesia, Federated States of", "FSM"},
    {"Federated States of Micronesia", "FSM"},
    {"Gabonese Republic", "GAB"},
    {"United Kingdom of Great Britain and Northern Ireland", "GBR"},
    {"Republic of Ghana", "GHA"},
    {"Republic of Guinea", "GIN"},
    {"Republic of the Gambia", "GMB"},
    {"Republic of Guinea-Bissau", "GNB"},
    {"Republic of Equatorial Guinea", "GNQ"},
    {"Hellenic Republic", "GRC"},
    {"Republic of Guatemala", "GTM"},
    {"Republic of Guyana", "GUY"},
    {"Hong Kong Special Administrative Region of China", "HKG"},
    {"Republic of Honduras", "HND"},
    {"Republic of Croatia", "HRV"},
    {"Republic of Haiti", "HTI"},
    {"Republic of Indonesia", "IDN"},
    {"Republic of India", "IND"},
    {"Iran, Islamic Republic of", "IRN"},
    {"Islamic Republic of Iran", "IRN"},
    {"Republic of Iraq", "IRQ"},
    {"Republic of Iceland", "ISL"},
    {"State of Israel", "ISR"},
    {"Italian Republic", "ITA"},
    {"Hashemite Kingdom of Jordan", "JOR"},
    {"Republic of Kazakhstan", "KAZ"},
    {"Republic of Kenya", "KEN"},
    {"Kyrgyz Republic", "KGZ"},
    {"Kingdom of Cambodia", "KHM"},
    {"Republic of Kiribati", "KIR"},
    {"Korea, Republic of", "KOR"},
    {"Republic of Korea", "KOR"},
    {"State of Kuwait", "KWT"},
    {"Lao People's Democratic Republic", "LAO"},
    {"Lebanese Republic", "LBN"},
    {"Republic of Liberia", "LBR"},
    {"Principality of Liechtenstein", "LIE"},
    {"Democratic Socialist Republic of Sri Lanka", "LKA"},
    {"Kingdom of Lesotho", "LSO"},
    {"Republic of Lithuania", "LTU"},
    {"Grand Duchy of Luxembourg", "LUX"},
    {"Republic of Latvia", "LVA"},
    {"Macao Special Administrative Region of China", "MAC"},
    {"Kingdom of Morocco", "MAR"},
    {"Principality of Monaco", "MCO"},
    {"Moldova, Republic of", "MDA"},
    {"Republic of Moldova", "MDA"},
    {"Republic of Madagascar", "MDG"},
    {"Republic of Maldives", "MDV"},
    {"United Mexican States", "MEX"},
    {"Republic of the Marshall Islands", "MHL"},
    {"Republic of North Macedonia", "MKD"},
    {"Republic of Mali", "MLI"},
    {"Republic of Malta", "MLT"},
    {"Republic of Myanmar", "MMR"},
    {"Commonwealth of the Northern Mariana Islands", "MNP"},
    {"Republic of Mozambique", "MOZ"},
    {"Islamic Republic of Mauritania", "MRT"},
    {"Republic of Mauritius", "MUS"},
    {"Republic of Malawi", "MWI"},
    {"Republic of Namibia", "NAM"},
    {"Republic of the Niger", "NER"},
    {"Federal Republic of Nigeria", "NGA"},
    {"Republic of Nicaragua", "NIC"},
    {"Kingdom of the Netherlands", "NLD"},
    {"Kingdom of Norway", "NOR"},
    {"Federal Democratic Republic of Nepal", "NPL"},
    {"Republic of Nauru", "NRU"},
    {"Sultanate of Oman", "OMN"},
    {"Islamic Republic of Pakistan", "PAK"},
    {"Republic of Panama", "PAN"},
    {"Republic of Peru", "PER"},
    {"Republic of the Philippines", "PHL"},
    {"Republic of Palau", "PLW"},
    {"Independent State of Papua New Guinea", "PNG"},
    {"Republic of Poland", "POL"},
    {"Korea, Democratic People's Republic of", "PRK"},
    {"Democratic People's Republic of Korea", "PRK"},
    {"Portuguese Republic", "PRT"},
    {"Republic of Paraguay", "PRY"},
    {"Palestine, State of", "PSE"},
    {"the State of Palestine", "PSE"},
    {"State of Palestine", "PSE"},
    {"State of Qatar", "QAT"},
    {"Russian Federation", "RUS"},
    {"Rwandese Republic", "RWA"},
    {"Kingdom of Saudi Arabia", "SAU"},
    {"Republic of the Sudan", "SDN"},
    {"Republic of Senegal", "SEN"},
    {"Republic of Singapore", "SGP"},
    {"Ascension and Tristan da Cunha Saint Helena", "SHN"},
    {"Republic of Sierra Leone", "SLE"},
    {"Republic of El Salvador", "SLV"},
    {"Republic of San Marino", "SMR"},
    {"Federal Republic of Somalia", "SOM"},
    {"Republic of Serbia", "SRB"},
    {"Republic of South Sudan", "SSD"},
    {"Democratic Republic of Sao Tome and Principe", "STP"},
    {"Republic of Suriname", "SUR"},
    {"Slovak Republic", "SVK"},
    {"Republic of Slovenia", "SVN"},
    {"Kingdom of Sweden", "SWE"},
    {"Kingdom of Eswatini", "SWZ"},
    {"Republic of Seychelles", "SYC"},
    {"Syrian Arab Republic", "SYR"},
    {"Republic of Chad", "TCD"},
    {"Togolese Republic", "TGO"},
    {"Kingdom of Thailand", "THA"},
    {"Republic of Tajikistan", "TJK"},
    {"Democratic Republic of Timor-Leste", "TLS"},
    {"Kingdom of Tonga", "TON"},
    {"Republic of Trinidad and Tobago", "TTO"},
    {"Republic of Tunisia", "TUN"},
    {"Republic of Türkiye", "TUR"},
    {"Taiwan, Province of China", "TWN"},
    {"Province of China Taiwan", "TWN"},
    {"Tanzania, United Republic of", "TZA"},
    {"United Republic of Tanzania", "TZA"},
    {"Republic of Uganda", "UGA"},
    {"Eastern Republic of Uruguay", "URY"},
    {"United States of America", "USA"},
    {"Republic of Uzbekistan", "UZB"},
    {"Holy See (Vatican City State)", "VAT"},
    {"Venezuela, Bolivarian Republic of", "VEN"},
    {"Bolivarian Republic of Venezuela", "VEN"},
    {"British Virgin Islands", "VGB"},
    {"Virgin Islands of the United States", "VIR"},
    {"U.S. Virgin Islands", "VIR"},
    {"Viet Nam", "VNM"},
    {"Socialist Republic of Viet Nam", "VNM"},
    {"Republic of Vanuatu", "VUT"},
    {"Independent State of Samoa", "WSM"},
    {"Republic of Yemen", "YEM"},
    {"Republic of South Africa", "ZAF"},
    {"Republic of Zambia", "ZMB"},
    {"Republic of Zimbabwe", "ZWE"},
};
constexpr AliasRow kExtraAliases[] = {
    {"Cabo Verde", "CPV"},
    {"former Soviet Union", "SUN"},
    {"Man, Isle of", "IMN"},
    {"Macedonia, The Former Yugoslav Republic of", "MKD"},
    {"North Macedonia, The Republic of", "MKD"},
    {"St. Kitts & Nevis", "KNA"},
    {"Korea, North", "PRK"},
    {"DPRK", "PRK"},
    {"D.P.R.K.", "PRK"},
    {"DPR Korea", "PRK"},
    {"Korea DPR", "PRK"},
    {"N. Korea", "PRK"},
    {"Democratic Peoples Republic of Korea", "PRK"},
    {"Korea, South", "KOR"},
    {"Republic of Korea", "KOR"},
    {"ROK", "KOR"},
    {"S. Korea", "KOR"},
    {"Russian Federation", "RUS"},
    {"Rossiya", "RUS"},
    {"Iran (Islamic Republic of)", "IRN"},
    {"Islamic Republic of Iran", "IRN"},
    {"Syria", "SYR"},
    {"Burma", "MMR"},
    {"Union of Burma", "MMR"},
    {"Cote d'Ivoire", "CIV"},
    {"Ivory Coast", "CIV"},
    {"Czech Republic", "CZE"},
    {"Turkey", "TUR"},
    {"Turkiye", "TUR"},
    {"Republic of Turkey", "TUR"},
    {"UK", "GBR"},
    {"U.K.", "GBR"},
    {"Great Britain", "GBR"},
    {"Britain", "GBR"},
    {"United Kingdom of Great Britain and Northern Ireland", "GBR"},
    {"US", "USA"},
    {"U.S.", "USA"},
    {"U.S.A.", "USA"},
    {"United States of America", "USA"},
    {"America", "USA"},
    {"USSR", "SUN"},
    {"U.S.S.R.", "SUN"},
    {"Union of Soviet Socialist Republics", "SUN"},
    {"Soviet Union (USSR)", "SUN"},
    {"USSR, Union of Soviet Socialist Republics", "SUN"},
    {"Republic of Kosovo", "XKX"},
    {"Federal Republic of Yugoslavia", "YUG"},
    {"Socialist Federal Republic of Yugoslavia", "YUG"},
    {"Czechoslovak Socialist Republic", "CSK"},
    {"German Democratic Republic", "DDR"},
    {"GDR", "DDR"},
    {"East Germany (GDR)", "DDR"},
    {"West Germany", "DEU"},
    {"West Germany (FRG)", "DEU"},
    {"Federal Republic of Germany", "DEU"},
    {"FRG", "DEU"},
    {"Palestine", "PSE"},
    {"Palestinian", "PSE"},
    {"Palestinian Territories", "PSE"},
    {"Palestinian Territory", "PSE"},
    {"Occupied Palestinian Territory", "PSE"},
    {"West Bank", "PSE"},
    {"Gaza", "PSE"},
    {"Gaza Strip", "PSE"},
    {"Region: Gaza", "PSE"},
    {"Region: West Bank", "PSE"},
    {"Palestinian Authority", "PSE"},
    {"Palestine, State of", "PSE"},
    {"State of Palestine", "PSE"},
    {"China, Hong Kong Special Administrative Region", "HKG"},
    {"Hong Kong SAR", "HKG"},
    {"Hong Kong, China", "HKG"},
    {"Macau", "MAC"},
    {"China, Macao Special Administrative Region", "MAC"},
    {"Macao SAR", "MAC"},
    {"Macau SAR", "MAC"},
    {"Congo, Democratic Republic of the", "COD"},
    {"Democratic Republic of Congo", "COD"},
    {"DR Congo", "COD"},
    {"DRC", "COD"},
    {"Congo-Kinshasa", "COD"},
    {"Zaire", "COD"},
    {"Congo, Republic of the", "COG"},
    {"Republic of the Congo", "COG"},
    {"Republic of Congo", "COG"},
    {"Congo-Brazzaville", "COG"},
    {"British Virgin Islands", "VGB"},
    {"BVI", "VGB"},
    {"US Virgin Islands", "VIR"},
    {"U.S. Virgin Islands", "VIR"},
    {"Viet Nam", "VNM"},
    {"Laos", "LAO"},
    {"Lao PDR", "LAO"},
    {"Brunei", "BRN"},
    {"Cape Verde", "CPV"},
    {"Swaziland", "SWZ"},
    {"Macedonia", "MKD"},
    {"Former Yugoslav Republic of Macedonia", "MKD"},
    {"The former Yugoslav Republic of Macedonia", "MKD"},
    {"FYROM", "MKD"},
    {"Republic of China", "TWN"},
    {"Chinese Taipei", "TWN"},
    {"Holy See", "VAT"},
    {"Vatican", "VAT"},
    {"UAE", "ARE"},
    {"U.A.E.", "ARE"},
    {"Emirates", "ARE"},
    {"Bosnia-Herzegovina", "BIH"},
    {"Bosnia", "BIH"},
    {"Libyan Arab Jamahiriya", "LBY"},
    {"Kyrgyz Republic", "KGZ"},
    {"Slovak Republic", "SVK"},
    {"East Timor", "TLS"},
    {"Sint Maarten", "SXM"},
    {"Bahamas, The", "BHS"},
    {"Gambia, The", "GMB"},
    {"Micronesia, Federated States of", "FSM"},
    {"Bolivia (Plurinational State of)", "BOL"},
    {"Venezuela (Bolivarian Republic of)", "VEN"},
    {"Tanzania, United Republic of", "TZA"},
    {"Republic of Moldova", "MDA"},
    {"People's Republic of China", "CHN"},
    {"PRC", "CHN"},
    {"Mainland China", "CHN"},
    {"St. Kitts and Nevis", "KNA"},
    {"Saint Kitts & Nevis", "KNA"},
    {"St. Vincent and the Grenadines", "VCT"},
    {"St. Lucia", "LCA"},
    {"KSA", "SAU"},
    {"Holland", "NLD"},
    {"The Netherlands", "NLD"},
};

constexpr absl::string_view kHistoric[] = {"ANT", "CSK", "DDR",
                                           "SCG", "SUN", "YUG"};

struct Index {
  absl::flat_hash_map<std::string, const CountryRow*> by_alpha3;
  absl::flat_hash_map<std::string, const CountryRow*> by_alpha2;
  absl::flat_hash_map<std::string, const CountryRow*> by_name;
  // Every alias of each alpha-3 code, in table order.
  absl::flat_hash_map<std::string, std::vector<absl::string_view>> aliases;
};

const Index& GetIndex() {
  static const Index* const index = [] {
    auto* ix = new Index;
    for (const CountryRow& row : kCountries) {
      ix->by_alpha3[row.alpha3] = &row;
      if (row.alpha2[0] != '\0') ix->by_alpha2[row.alpha2] = &row;
      ix->by_name.try_emplace(text_internal::FoldName(row.name), &row);
    }
    const auto add_alias = [ix](const AliasRow& alias) {
      auto it = ix->by_alpha3.find(alias.alpha3);
      if (it == ix->by_alpha3.end()) return;
      // The first name wins; the tests check that no name means two codes.
      ix->by_name.try_emplace(text_internal::FoldName(alias.name),
                              it->second);
      ix->aliases[alias.alpha3].push_back(alias.name);
    };
    for (const AliasRow& alias : kIsoAliases) add_alias(alias);
    for (const AliasRow& alias : kExtraAliases) add_alias(alias);
    return ix;
  }();
  return *index;
}

bool AllAsciiLetters(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::optional<absl::string_view> CountryCode(absl::string_view name_or_code) {
  const Index& ix = GetIndex();
  absl::string_view s = absl::StripAsciiWhitespace(name_or_code);
  if ((s.size() == 2 || s.size() == 3) && AllAsciiLetters(s)) {
    const std::string upper = absl::AsciiStrToUpper(s);
    const auto& table = s.size() == 2 ? ix.by_alpha2 : ix.by_alpha3;
    auto it = table.find(upper);
    if (it != table.end()) return absl::string_view(it->second->alpha3);
  }
  const std::string key = text_internal::FoldName(s);
  if (key.empty()) return std::nullopt;
  auto it = ix.by_name.find(key);
  if (it == ix.by_name.end()) return std::nullopt;
  return absl::string_view(it->second->alpha3);
}

std::optional<absl::string_view> AddressCountry(absl::string_view address) {
  const size_t comma = address.rfind(',');
  if (comma != absl::string_view::npos) address = address.substr(comma + 1);
  address = absl::StripAsciiWhitespace(address);
  if (address.empty()) return std::nullopt;
  return CountryCode(address);
}

absl::string_view CountryName(absl::string_view alpha3) {
  const Index& ix = GetIndex();
  auto it = ix.by_alpha3.find(alpha3);
  return it == ix.by_alpha3.end() ? absl::string_view()
                                  : absl::string_view(it->second->name);
}

absl::string_view CountryAlpha2(absl::string_view alpha3) {
  const Index& ix = GetIndex();
  auto it = ix.by_alpha3.find(alpha3);
  return it == ix.by_alpha3.end() ? absl::string_view()
                                  : absl::string_view(it->second->alpha2);
}

bool IsHistoricCountry(absl::string_view alpha3) {
  for (absl::string_view h : kHistoric) {
    if (h == alpha3) return true;
  }
  return false;
}

v1::Actor StateActor(absl::string_view alpha3, absl::string_view source_id) {
  const Index& ix = GetIndex();
  v1::Actor actor;
  actor.set_id(std::string(alpha3));
  actor.set_kind(v1::ACTOR_KIND_STATE);
  absl::string_view name = CountryName(alpha3);
  if (name.empty()) {
    actor.set_name(std::string(alpha3));
    actor.set_note(
        "code not in the ISO 3166-1 table known to embargo; name unknown");
  } else {
    actor.set_name(std::string(name));
    absl::flat_hash_set<std::string> seen = {
        text_internal::FoldName(name)};
    auto it = ix.aliases.find(alpha3);
    if (it != ix.aliases.end()) {
      for (absl::string_view alias : it->second) {
        if (seen.insert(text_internal::FoldName(alias)).second) {
          actor.add_aliases(std::string(alias));
        }
      }
    }
    v1::Identifier* id = actor.add_identifiers();
    id->set_scheme("ISO3166");
    id->set_value(std::string(alpha3));
  }
  if (alpha3 == "SUN") {
    actor.set_note(
        "historic state (ISO 3166-3 code SUN, withdrawn 1992); kept apart "
        "from RUS so that Soviet-era facts stay Soviet");
  } else if (alpha3 == "XKX") {
    actor.set_note(
        "XKX is a user-assigned code (not ISO 3166-1), as used by the "
        "European Commission and the IMF");
  } else if (IsHistoricCountry(alpha3)) {
    actor.set_note("historic state (ISO 3166-3 code)");
  }
  if (!source_id.empty()) actor.add_evidence()->set_source_id(std::string(source_id));
  return actor;
}

}  // namespace embargo
