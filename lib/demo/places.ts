// Demo chargers and merchants around Austin, TX. Coordinates are the real sites.
export const DEMO_CHARGERS = [
  {
    externalId: "demo-mueller-ea",
    name: "Mueller Town Center",
    network: "Electrify America",
    address: "1801 E 51st St, Austin, TX 78723",
    latitude: 30.3029,
    longitude: -97.7062,
    connectors: ["CCS", "CHAdeMO"],
    powerKw: 350,
    isPartner: true,
  },
  {
    externalId: "demo-lamar-cp",
    name: "North Lamar Market",
    network: "ChargePoint",
    address: "525 N Lamar Blvd, Austin, TX 78703",
    latitude: 30.2706,
    longitude: -97.7531,
    connectors: ["J1772", "CCS"],
    powerKw: 62.5,
    isPartner: true,
  },
  {
    externalId: "demo-domain-tsla",
    name: "The Domain Northside",
    network: "Tesla Supercharger",
    address: "11410 Century Oaks Terrace, Austin, TX 78758",
    latitude: 30.4019,
    longitude: -97.7253,
    connectors: ["NACS"],
    powerKw: 250,
    isPartner: true,
  },
  {
    externalId: "demo-soco-evgo",
    name: "South Congress Hub",
    network: "EVgo",
    address: "2300 S Congress Ave, Austin, TX 78704",
    latitude: 30.2376,
    longitude: -97.7509,
    connectors: ["CCS", "NACS"],
    powerKw: 150,
    isPartner: false,
  },
  {
    externalId: "demo-library-cp",
    name: "Central Library Garage",
    network: "ChargePoint",
    address: "710 W César Chávez St, Austin, TX 78701",
    latitude: 30.2661,
    longitude: -97.7513,
    connectors: ["J1772"],
    powerKw: 7.2,
    isPartner: false,
  },
  {
    externalId: "demo-barton-blink",
    name: "Barton Creek Square",
    network: "Blink",
    address: "2901 S Capital of Texas Hwy, Austin, TX 78746",
    latitude: 30.2575,
    longitude: -97.8095,
    connectors: ["J1772", "CCS"],
    powerKw: 50,
    isPartner: true,
  },
] as const;

type DemoOffer = {
  title: string;
  description: string;
  novaPrice: number;
  perDriverLimit?: number;
  totalLimit?: number;
};
type DemoMerchant = {
  slug: string;
  name: string;
  category: string;
  description: string;
  address: string;
  latitude: number;
  longitude: number;
  charger: string;
  status: "ACTIVE" | "PENDING";
  offers: DemoOffer[];
};

export const DEMO_MERCHANTS: DemoMerchant[] = [
  {
    slug: "mueller-market-coffee",
    name: "Mueller Market Coffee",
    category: "Coffee",
    charger: "demo-mueller-ea",
    status: "ACTIVE",
    description: "Small-batch espresso and breakfast tacos, two minutes' walk from the chargers.",
    address: "1911 Aldrich St, Austin, TX 78723",
    latitude: 30.2987,
    longitude: -97.7057,
    offers: [
      {
        title: "Free drip coffee",
        description: "Any size house drip while you charge.",
        novaPrice: 300,
        perDriverLimit: 1,
      },
      { title: "Breakfast taco combo", description: "Two tacos and a drip coffee.", novaPrice: 650 },
    ],
  },
  {
    slug: "aldrich-street-tacos",
    name: "Aldrich Street Tacos",
    category: "Restaurant",
    charger: "demo-mueller-ea",
    status: "ACTIVE",
    description: "Al pastor off the trompo, fresh tortillas.",
    address: "4209 Airport Blvd, Austin, TX 78722",
    latitude: 30.3005,
    longitude: -97.7081,
    offers: [
      { title: "$5 off any plate", description: "Five dollars off one plate, dine-in or to go.", novaPrice: 500 },
    ],
  },
  {
    slug: "lamar-greens-grocery",
    name: "Lamar Greens Grocery",
    category: "Grocery",
    charger: "demo-lamar-cp",
    status: "ACTIVE",
    description: "Local produce and a hot bar across from the chargers.",
    address: "525 N Lamar Blvd, Austin, TX 78703",
    latitude: 30.2709,
    longitude: -97.7528,
    offers: [
      { title: "10% off the hot bar", description: "Ten percent off one hot-bar box.", novaPrice: 400 },
      { title: "Free kombucha", description: "One 16 oz bottle from the cooler.", novaPrice: 350, totalLimit: 200 },
    ],
  },
  {
    slug: "domain-bike-works",
    name: "Domain Bike Works",
    category: "Retail",
    charger: "demo-domain-tsla",
    status: "ACTIVE",
    description: "E-bike service and accessories.",
    address: "11601 Alterra Pkwy, Austin, TX 78758",
    latitude: 30.4012,
    longitude: -97.7236,
    offers: [
      { title: "Free safety check", description: "Brakes, tyres and lights checked while you wait.", novaPrice: 800 },
    ],
  },
  {
    slug: "barton-creek-books",
    name: "Barton Creek Books",
    category: "Books",
    charger: "demo-barton-blink",
    status: "ACTIVE",
    description: "New and used books, quiet reading nook.",
    address: "2901 S Capital of Texas Hwy, Austin, TX 78746",
    latitude: 30.2579,
    longitude: -97.8088,
    offers: [{ title: "$3 off any paperback", description: "Three dollars off one paperback.", novaPrice: 300 }],
  },
  {
    slug: "soco-scoops",
    name: "SoCo Scoops",
    category: "Dessert",
    charger: "demo-soco-evgo",
    status: "PENDING",
    description: "Small-batch ice cream; awaiting approval.",
    address: "2307 S Congress Ave, Austin, TX 78704",
    latitude: 30.2371,
    longitude: -97.7513,
    offers: [],
  },
];
