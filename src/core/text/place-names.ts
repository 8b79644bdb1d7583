import type { CountryCode } from 'libphonenumber-js';

/**
 * Cities, districts and regions that ads name on purpose ("Dublin city centre", "Makati"),
 * by country: the best clue to which country a number without its code belongs to.
 * Hand-written because the gazetteers on npm are megabytes of data for thousands of places,
 * and the finder needs only the markets ads are posted for. Lower case, accents kept as written
 * most often; both the local and the English name where they differ.
 */
const PLACES: Partial<Record<CountryCode, string>> = {
  US: 'new york|nyc|manhattan|brooklyn|queens|bronx|los angeles|hollywood|san diego|san francisco|las vegas|vegas|chicago|houston|dallas|austin|san antonio|miami|orlando|tampa|atlanta|boston|philadelphia|phoenix|seattle|portland|denver|detroit|minneapolis|nashville|new orleans|baltimore|washington dc|charlotte|honolulu|sacramento|salt lake',
  CA: 'toronto|montreal|montréal|vancouver|calgary|edmonton|ottawa|winnipeg|mississauga|quebec|québec|halifax',
  GB: 'london|manchester|birmingham|leeds|liverpool|glasgow|edinburgh|bristol|sheffield|newcastle|nottingham|leicester|cardiff|belfast|brighton|soho|mayfair|kensington|heathrow|uk',
  IE: 'dublin|cork|galway|limerick|waterford|kilkenny|ireland',
  AU: 'sydney|melbourne|brisbane|perth|adelaide|gold coast|canberra|darwin|hobart|cairns|australia',
  NZ: 'auckland|wellington|christchurch|queenstown|new zealand',
  ZA: 'johannesburg|joburg|jozi|sandton|cape town|durban|pretoria|soweto|port elizabeth|south africa',
  NG: 'lagos|lekki|ikeja|victoria island|abuja|port harcourt|ibadan|nigeria',
  KE: 'nairobi|westlands|mombasa|kisumu|kenya',
  GH: 'accra|kumasi|ghana',
  IN: 'mumbai|bombay|andheri|bandra|navi mumbai|nerul|juhu|delhi|new delhi|ncr|gurgaon|gurugram|noida|bangalore|bengaluru|hyderabad|chennai|kolkata|pune|goa|jaipur|ahmedabad|chandigarh|lucknow|india',
  PK: 'karachi|lahore|islamabad|rawalpindi|pakistan',
  PH: 'manila|makati|pasay|quezon city|taguig|bgc|cebu|davao|angeles city|philippines',
  TH: 'bangkok|sukhumvit|pattaya|phuket|chiang mai|thailand',
  MY: 'kuala lumpur|penang|johor bahru|malaysia',
  SG: 'singapore|orchard road|geylang',
  ID: 'jakarta|bali|denpasar|surabaya|bandung|indonesia',
  JP: 'tokyo|東京|新宿|shinjuku|osaka|大阪|kyoto|yokohama|japan',
  CN: '北京|上海|广州|深圳|成都|重庆|杭州|beijing|shanghai|guangzhou|shenzhen|china',
  HK: 'hong kong|香港|kowloon|wan chai|mong kok',
  TW: 'taipei|台北|臺北|kaohsiung|taiwan',
  KR: 'seoul|서울|busan|gangnam|korea',
  MX: 'cdmx|ciudad de mexico|ciudad de méxico|guadalajara|monterrey|cancun|cancún|tijuana|puebla|merida|mérida|queretaro|querétaro|polanco|condesa|playa del carmen|puerto vallarta|mexico|méxico',
  ES: 'madrid|barcelona|valencia|sevilla|málaga|malaga|bilbao|ibiza|marbella|zaragoza|alicante|palma|españa|spain',
  AR: 'buenos aires|palermo|recoleta|belgrano|córdoba|rosario|mendoza|mar del plata|caba|argentina',
  CO: 'bogotá|bogota|medellín|medellin|el poblado|cali|cartagena|barranquilla|bucaramanga|pereira|colombia',
  CL: 'santiago|providencia|las condes|valparaíso|viña del mar|chile',
  PE: 'lima|miraflores|arequipa|cusco|perú|peru',
  VE: 'caracas|maracaibo|valencia venezuela|venezuela',
  EC: 'quito|guayaquil|ecuador',
  DO: 'santo domingo|punta cana|república dominicana',
  BR: 'são paulo|sao paulo|rio de janeiro|copacabana|ipanema|brasília|brasilia|belo horizonte|salvador|fortaleza|curitiba|recife|porto alegre|florianópolis|brasil|brazil',
  PT: 'lisboa|lisbon|porto|faro|algarve|saldanha|portugal',
  FR: 'paris|lyon|marseille|toulouse|nantes|bordeaux|lille|strasbourg|montpellier|cannes|france',
  BE: 'bruxelles|brussel|brussels|antwerpen|anvers|ghent|liège|belgique|belgië',
  NL: 'amsterdam|rotterdam|den haag|the hague|utrecht|eindhoven|nederland|netherlands',
  DE: 'berlin|hamburg|münchen|munich|köln|cologne|frankfurt|stuttgart|düsseldorf|leipzig|dortmund|deutschland|germany',
  AT: 'wien|vienna|graz|salzburg|innsbruck|österreich|austria',
  CH: 'zürich|zurich|genève|geneva|basel|bern|lausanne|lugano|schweiz|suisse',
  IT: 'roma|rome|milano|milan|napoli|naples|torino|turin|firenze|florence|bologna|venezia|venice|palermo sicilia|italia|italy',
  PL: 'warszawa|warsaw|kraków|krakow|wrocław|gdańsk|poznań|łódź|polska|poland',
  CZ: 'praha|prague|brno|česko',
  GR: 'athens|αθήνα|thessaloniki|greece',
  TR: 'istanbul|İstanbul|şişli|beşiktaş|ankara|izmir|antalya|türkiye|turkey',
  RU: 'москва|moscow|санкт-петербург|питер|петербург|spb|новосибирск|екатеринбург|казань|сочи|russia|россия',
  UA: 'київ|киев|kyiv|kiev|одеса|одесса|odesa|харків|харьков|львів|львов|україна|украина|ukraine',
  BY: 'минск|minsk|беларусь',
  KZ: 'алматы|almaty|астана|astana|казахстан',
  AE: 'dubai|abu dhabi|sharjah|jbr|marina dubai|uae',
  IL: 'tel aviv|תל אביב|jerusalem|haifa|israel',
};

/** Each place name (lower case) and the country it is in. */
const BY_NAME = new Map<string, CountryCode>();
for (const [country, names] of Object.entries(PLACES) as [CountryCode, string][]) {
  for (const name of names.split('|')) BY_NAME.set(name.toLocaleLowerCase(), country);
}
const LONGEST = Math.max(...[...BY_NAME.keys()].map((name) => name.split(' ').length));
/** First words of every name: a word that is none of these starts no place name. */
const FIRST_WORDS = new Set([...BY_NAME.keys()].map((name) => name.split(' ')[0]!));
const CJK_NAMES = [...BY_NAME].filter(([name]) => /[\p{Script=Han}\p{Script=Hangul}]/u.test(name));

/**
 * Countries whose places a text names, in the order it names them. `words` are the text's
 * words in lower case (letters, marks and hyphens), as the caller has them already.
 */
export function countriesOfPlaces(text: string, words: readonly string[]): CountryCode[] {
  const found: CountryCode[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!FIRST_WORDS.has(words[i]!)) continue;
    for (let n = Math.min(LONGEST, words.length - i); n >= 1; n--) {
      const country = BY_NAME.get(n === 1 ? words[i]! : words.slice(i, i + n).join(' '));
      if (country) {
        if (!found.includes(country)) found.push(country);
        i += n - 1;
        break;
      }
    }
  }
  // Chinese and Korean names are not split into words: look for them directly.
  if (/[\u3000-\u9fff\uac00-\ud7af]/.test(text)) {
    for (const [name, country] of CJK_NAMES) {
      if (text.includes(name) && !found.includes(country)) found.push(country);
    }
  }
  return found;
}
