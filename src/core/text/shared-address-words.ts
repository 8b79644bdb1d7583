/** Words streets are named with, in the languages ads are written in. Regex alternations. */

/** English street types that say "street" whatever their case: "123 main st". */
export const PLAIN_SUFFIXES =
  'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|parkway|pkwy|highway|hwy|terrace|ter|crescent|cres|court|ct|drive|dr|alley';
/** English street types that are also ordinary words ("close", "way", "walk"): only with capitals, "Elm Close". */
export const CAPITAL_SUFFIXES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Crescent|Cres|Court|Ct|Drive|Dr|Alley|Way|Place|Pl|Close|Square|Sq|Gardens|Gdns|Grove|Row|Walk|Mews|Trail|Trl|Pike|Loop|Circle|Cir|Plaza|Hill|Heights|Rise|Green|Parade|Broadway|Soi';

/** German, Dutch and Scandinavian street names written as one word: "Hauptstraße", "Kerkstraat", "Drottninggatan". */
export const COMPOUND_ENDINGS =
  'straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|markt|straat|laan|plein|gracht|kade|singel|gatan|gata|vägen|veien|gate|gade|vej|gasse';
/** The same words standing alone after an adjective: "Berliner Straße 12". */
export const SEPARATE_GERMANIC = 'Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Straat|Laan|Plein';

/** Spanish, Portuguese, Italian and French street types that come before the name: "Calle de Alcalá 45". */
export const ROMANCE_TYPES =
  'calle|c/|avenida|avda\\.?|av\\.|paseo|p[º°]|plaza|pza\\.?|carrera|cra\\.?|calzada|camino|ronda|travesía|rambla|carretera|ctra\\.?|rua|travessa|praça|estrada|alameda|Via|viale|piazza|corso|vicolo|largo|rue|avenue|boulevard|bd|place|impasse|allée|chemin|quai|cours';
/** Little words inside such names: "Calle *de la* Paz", "Rue *des* Martyrs". */
export const ROMANCE_PARTICLES = "de la|de los|de las|del|de|des|du|de l'|d'|la|le|les|di|della|dei|da|do|dos|das|y|e";

/** Russian street types: "ул. Ленина", "проспект Мира". */
export const RUSSIAN_TYPES =
  'ул\\.|улица|пр\\.|пр-т|просп\\.|проспект|пер\\.|переулок|бульвар|б-р|бул\\.|наб\\.|набережная|шоссе|ш\\.|пл\\.|площадь|мкр\\.?|микрорайон|проезд|тупик';

/** Words that follow a number but make it a time, a distance or an amount, not a house number. */
export const NOT_STREET_NAMES = new Set(
  `hour hours hr hrs h min mins minute minutes sec day days night nights week weeks month months year years yr yrs
  mile miles mi km block blocks meter meters metre metres foot feet ft step steps percent girl girls guy guys
  from to the of on in at near by off away walk drive ride min. my your our a an and or with for per each
  inch inches lb lbs kg roses rose usd dollars euros pounds hh hhr fs`
    .split(/\s+/)
    .filter(Boolean),
);

/** Small, nameable places a person could be found next to ("above the bakery"). Regex alternation. */
export const LANDMARKS =
  "bakery|bakeries|cafe|café|coffee shop|coffeeshop|pharmacy|chemist|drugstore|supermarket|grocery|grocery store|corner shop|shop|store|bar|pub|restaurant|diner|church|mosque|temple|synagogue|school|kindergarten|daycare|nursery|library|gym|laundromat|launderette|laundry|gas station|petrol station|garage|station|bus stop|tram stop|metro|subway|post office|bank|clinic|salon|barbershop|barber|hairdresser|hotel|motel|mall|market|park|playground|cinema|theater|theatre|hospital|fire station|police station|bookshop|bookstore|butcher|florist|kebab shop|chippy|takeaway|pizzeria|mcdonald's|mcdonalds|starbucks|tesco|walmart|target|aldi|lidl|costco|7-eleven|shell";
