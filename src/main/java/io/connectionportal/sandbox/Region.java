package io.connectionportal.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.connectionportal.platforms.Platform;

/**
 * The country conventions a platform's sandbox data follows: French platforms get EUR, SIREN and TVA
 * numbers and the French chart of accounts; British ones GBP, Companies House and VAT numbers; the
 * rest USD. Only the look of the data depends on it, never the protocol.
 */
enum Region {
    FR("EUR", "FR", "0.20"),
    UK("GBP", "GB", "0.20"),
    US("USD", "US", "0.00");

    /** Catalog platforms used mainly by French or British businesses; the rest get US conventions. */
    private static final Set<String> FRENCH = Set.of(
            "sage-50-france",
            "pennylane",
            "cegid-loop",
            "ebp-compta",
            "indy",
            "tiime",
            "qonto",
            "shine",
            "bnp-paribas",
            "societe-generale",
            "credit-agricole",
            "banque-populaire",
            "credit-mutuel",
            "cic",
            "lcl",
            "la-banque-postale",
            "caisse-epargne",
            "prestashop");

    private static final Set<String> BRITISH = Set.of(
            "sage-50-uk",
            "sage-business-cloud",
            "xero",
            "freeagent",
            "hsbc-uk",
            "barclays",
            "natwest",
            "lloyds-bank",
            "santander-uk",
            "starling-bank",
            "monzo-business",
            "tide",
            "revolut-business",
            "wise-business",
            "gocardless");

    final String currency;
    final String country;
    final BigDecimal vatRate;

    Region(String currency, String country, String vatRate) {
        this.currency = currency;
        this.country = country;
        this.vatRate = new BigDecimal(vatRate);
    }

    /** By catalog key; a platform an integrator adds is recognised by "France" or "UK" in its key or name. */
    static Region of(Platform platform) {
        String key = platform.key();
        String name = platform.name().toLowerCase(Locale.ROOT);
        if (FRENCH.contains(key) || key.endsWith("-france") || key.endsWith("-fr") || name.contains("france")) {
            return FR;
        }
        if (BRITISH.contains(key) || key.endsWith("-uk") || name.endsWith(" uk")) {
            return UK;
        }
        return US;
    }

    /** The conventions of a company's country: France's, the United Kingdom's, the United States'; none for others. */
    static Optional<Region> ofCountry(String country) {
        return switch (country) {
            case "FR" -> Optional.of(FR);
            case "GB" -> Optional.of(UK);
            case "US" -> Optional.of(US);
            default -> Optional.empty();
        };
    }

    record Place(String city, String postalCode, String region) {}

    record Account(String code, String name, String type) {}

    /** A kind of bank movement: description (may hold %s for a customer), category, amount range, direction. */
    record Movement(String description, String category, int min, int max, boolean credit) {}

    List<String> surnames() {
        return switch (this) {
            case FR ->
                List.of(
                        "Martin",
                        "Bernard",
                        "Dubois",
                        "Thomas",
                        "Robert",
                        "Richard",
                        "Petit",
                        "Durand",
                        "Leroy",
                        "Moreau",
                        "Simon",
                        "Laurent",
                        "Lefèvre",
                        "Michel",
                        "Garcia",
                        "David",
                        "Bertrand",
                        "Roux",
                        "Vincent",
                        "Fournier",
                        "Morel",
                        "Girard",
                        "André",
                        "Mercier",
                        "Dupont",
                        "Lambert",
                        "Bonnet",
                        "Legrand",
                        "Garnier",
                        "Faure",
                        "Rousseau",
                        "Blanc",
                        "Guérin",
                        "Perrin",
                        "Chevalier",
                        "Gauthier");
            case UK ->
                List.of(
                        "Smith",
                        "Jones",
                        "Taylor",
                        "Brown",
                        "Williams",
                        "Wilson",
                        "Johnson",
                        "Davies",
                        "Robinson",
                        "Wright",
                        "Thompson",
                        "Evans",
                        "Walker",
                        "White",
                        "Roberts",
                        "Green",
                        "Hall",
                        "Wood",
                        "Jackson",
                        "Clarke",
                        "Patel",
                        "Hughes",
                        "Edwards",
                        "Turner",
                        "Murphy",
                        "Campbell");
            case US ->
                List.of(
                        "Johnson",
                        "Miller",
                        "Davis",
                        "Garcia",
                        "Rodriguez",
                        "Martinez",
                        "Anderson",
                        "Taylor",
                        "Thomas",
                        "Moore",
                        "Jackson",
                        "Lee",
                        "Harris",
                        "Clark",
                        "Lewis",
                        "Walker",
                        "Young",
                        "Allen",
                        "King",
                        "Wright",
                        "Nguyen",
                        "Hill");
        };
    }

    /** Business name patterns (%s is a surname) with the industry they belong to. */
    List<String[]> businesses() {
        return switch (this) {
            case FR ->
                List.of(
                        new String[] {"Boulangerie %s", "Boulangerie-pâtisserie"},
                        new String[] {"Atelier %s", "Artisanat d'art"},
                        new String[] {"Menuiserie %s", "Menuiserie"},
                        new String[] {"Cabinet %s Conseil", "Conseil en gestion"},
                        new String[] {"Garage %s", "Entretien et réparation automobile"},
                        new String[] {"Maison %s", "Commerce de détail"},
                        new String[] {"Studio %s", "Design graphique"},
                        new String[] {"Épicerie fine %s", "Épicerie fine"});
            case UK ->
                List.of(
                        new String[] {"%s Bakery", "Bakery"},
                        new String[] {"%s & Daughters Joinery", "Joinery"},
                        new String[] {"%s Consulting", "Management consultancy"},
                        new String[] {"%s Motors", "Vehicle maintenance and repair"},
                        new String[] {"%s Design Studio", "Graphic design"},
                        new String[] {"%s Coffee Roasters", "Coffee roasting and retail"});
            case US ->
                List.of(
                        new String[] {"%s Bakery", "Bakery"},
                        new String[] {"%s Woodworks", "Carpentry"},
                        new String[] {"%s Consulting Group", "Management consulting"},
                        new String[] {"%s Auto Repair", "Automotive repair"},
                        new String[] {"%s Design Co.", "Graphic design"},
                        new String[] {"%s Coffee Roasters", "Coffee roasting and retail"});
        };
    }

    List<String> legalForms() {
        return switch (this) {
            case FR -> List.of("SARL", "SAS", "SASU", "EURL");
            case UK -> List.of("Ltd");
            case US -> List.of("LLC", "Inc.");
        };
    }

    List<Place> places() {
        return switch (this) {
            case FR ->
                List.of(
                        new Place("Lyon", "69002", null),
                        new Place("Paris", "75011", null),
                        new Place("Bordeaux", "33000", null),
                        new Place("Nantes", "44000", null),
                        new Place("Lille", "59000", null),
                        new Place("Toulouse", "31000", null),
                        new Place("Marseille", "13006", null),
                        new Place("Rennes", "35000", null),
                        new Place("Strasbourg", "67000", null),
                        new Place("Montpellier", "34000", null));
            case UK ->
                List.of(
                        new Place("Bristol", "BS1 4DJ", null),
                        new Place("Manchester", "M1 1AE", null),
                        new Place("Leeds", "LS1 4AP", null),
                        new Place("London", "EC1V 9HX", null),
                        new Place("Edinburgh", "EH1 1YZ", null),
                        new Place("Birmingham", "B1 1BB", null),
                        new Place("Brighton", "BN1 1AE", null),
                        new Place("Cardiff", "CF10 1EP", null));
            case US ->
                List.of(
                        new Place("Austin", "78701", "TX"),
                        new Place("Portland", "97205", "OR"),
                        new Place("Denver", "80202", "CO"),
                        new Place("Chicago", "60607", "IL"),
                        new Place("Boston", "02110", "MA"),
                        new Place("Seattle", "98101", "WA"),
                        new Place("Atlanta", "30303", "GA"));
        };
    }

    List<String> streets() {
        return switch (this) {
            case FR ->
                List.of(
                        "rue de la République",
                        "avenue Jean Jaurès",
                        "rue Victor Hugo",
                        "boulevard Voltaire",
                        "rue Nationale",
                        "quai des Chartrons",
                        "place du Marché",
                        "rue des Tanneurs");
            case UK ->
                List.of("High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane", "King Street");
            case US ->
                List.of("Main Street", "Market Street", "Oak Avenue", "2nd Street", "Elm Street", "Congress Avenue");
        };
    }

    /** Other businesses that buy from the company (invoices, incoming transfers). */
    List<String> customers() {
        return switch (this) {
            case FR ->
                List.of(
                        "Hôtel Le Bellecour",
                        "Restaurant Chez Paul",
                        "Mairie de Villeurbanne",
                        "SCI Les Tilleuls",
                        "Cabinet Moreau Avocats",
                        "Pharmacie du Centre",
                        "Lycée Ampère",
                        "Boucherie Girard",
                        "Groupe Lavigne SAS",
                        "Agence Immobilière Roux",
                        "Clinique Saint-Joseph",
                        "Librairie Garnier",
                        "Fromagerie Bonnet",
                        "Crèche Les Petits Pas",
                        "Transports Mercier SARL");
            case UK ->
                List.of(
                        "The Red Lion",
                        "Bristol City Council",
                        "Harbourside Dental Practice",
                        "Green & Co Solicitors",
                        "St Mary's Primary School",
                        "Northern Supplies Ltd",
                        "The Old Bakery Café",
                        "Clifton Lettings",
                        "Avon Builders Ltd",
                        "Hughes Veterinary Surgery",
                        "Riverside Gym",
                        "Kingsdown Nursery",
                        "Wood & Walker Architects",
                        "Patel Pharmacy");
            case US ->
                List.of(
                        "Blue Bottle Diner",
                        "City of Austin",
                        "Lakeside Dental Group",
                        "Harris & Lee LLP",
                        "Lincoln Elementary School",
                        "Summit Outdoor Supply",
                        "Main Street Coffee",
                        "Riverside Property Management",
                        "Peak Builders Inc.",
                        "Maple Veterinary Clinic",
                        "Iron Gym",
                        "Little Oaks Daycare",
                        "Young & King Architects",
                        "Walker Pharmacy");
        };
    }

    List<String> suppliers() {
        return switch (this) {
            case FR ->
                List.of(
                        "EDF",
                        "Orange Business",
                        "Metro France",
                        "Bureau Vallée",
                        "Manutan",
                        "Leroy Merlin Pro",
                        "OVHcloud",
                        "La Poste",
                        "AXA France",
                        "Foncia",
                        "TotalEnergies",
                        "Point P",
                        "Würth France",
                        "Fiducial Expertise");
            case UK ->
                List.of(
                        "British Gas",
                        "BT Business",
                        "Booker Wholesale",
                        "Viking Office Supplies",
                        "Screwfix",
                        "Travis Perkins",
                        "Royal Mail",
                        "Aviva",
                        "Octopus Energy",
                        "Vodafone UK",
                        "Amazon Business UK",
                        "Clifton Estates Ltd",
                        "Hiscox");
            case US ->
                List.of(
                        "Austin Energy",
                        "AT&T Business",
                        "Sysco",
                        "Staples",
                        "Home Depot Pro",
                        "Grainger",
                        "UPS",
                        "State Farm",
                        "Comcast Business",
                        "Amazon Business",
                        "Uline",
                        "Verizon",
                        "Gusto");
        };
    }

    List<String> bankAccountNames() {
        return switch (this) {
            case FR -> List.of("Compte courant principal", "Compte épargne", "Réserve TVA");
            case UK -> List.of("Business Current Account", "Business Savings", "VAT Reserve");
            case US -> List.of("Business Checking", "Business Savings", "Tax Reserve");
        };
    }

    /** Masked the way banking apps show it: the country prefix and the last four digits. */
    String maskedAccountNumber(int lastFour) {
        return switch (this) {
            case FR -> String.format("FR76 •••• %04d", lastFour);
            case UK -> String.format("GB29 •••• %04d", lastFour);
            case US -> String.format("•••• %04d", lastFour);
        };
    }

    String invoiceNumber(int year, int sequence) {
        return switch (this) {
            case FR -> String.format("F-%d-%04d", year, sequence);
            case UK -> String.format("INV-%04d", sequence);
            case US -> String.format("%d", 1000 + sequence);
        };
    }

    List<Movement> movements() {
        return switch (this) {
            case FR ->
                List.of(
                        new Movement("Virement reçu %s", "sales", 300, 6000, true),
                        new Movement("Remise carte bancaire", "sales", 150, 2500, true),
                        new Movement("Prélèvement URSSAF", "payroll_taxes", 400, 2200, false),
                        new Movement("Prélèvement DGFIP TVA", "taxes", 300, 3000, false),
                        new Movement("Loyer local commercial", "rent", 900, 2400, false),
                        new Movement("Virement salaires", "payroll", 1800, 7000, false),
                        new Movement("CB Metro", "supplies", 40, 600, false),
                        new Movement("Prélèvement EDF", "utilities", 80, 400, false),
                        new Movement("Abonnement OVHcloud", "software", 10, 90, false),
                        new Movement("Frais de tenue de compte", "bank_fees", 9, 35, false),
                        new Movement("CB SNCF Connect", "travel", 30, 250, false),
                        new Movement("Échéance prêt professionnel", "loan", 400, 1500, false));
            case UK ->
                List.of(
                        new Movement("Faster Payment from %s", "sales", 250, 5000, true),
                        new Movement("Card takings", "sales", 120, 2000, true),
                        new Movement("HMRC VAT", "taxes", 300, 3000, false),
                        new Movement("HMRC PAYE", "payroll_taxes", 300, 1800, false),
                        new Movement("Rent - Clifton Estates", "rent", 800, 2200, false),
                        new Movement("Salaries", "payroll", 1500, 6500, false),
                        new Movement("Card payment Screwfix", "supplies", 25, 450, false),
                        new Movement("British Gas DD", "utilities", 70, 350, false),
                        new Movement("Xero subscription", "software", 15, 60, false),
                        new Movement("Bank charges", "bank_fees", 5, 30, false),
                        new Movement("Trainline", "travel", 25, 220, false),
                        new Movement("Loan repayment", "loan", 350, 1400, false));
            case US ->
                List.of(
                        new Movement("ACH credit %s", "sales", 300, 6500, true),
                        new Movement("Stripe transfer", "sales", 150, 2500, true),
                        new Movement("IRS EFTPS", "taxes", 300, 3000, false),
                        new Movement("State sales tax", "taxes", 200, 1500, false),
                        new Movement("Rent payment", "rent", 1000, 3000, false),
                        new Movement("Gusto payroll", "payroll", 2000, 8000, false),
                        new Movement("Card purchase Home Depot", "supplies", 30, 600, false),
                        new Movement("Comcast Business", "utilities", 80, 250, false),
                        new Movement("Google Workspace", "software", 12, 90, false),
                        new Movement("Monthly service fee", "bank_fees", 10, 30, false),
                        new Movement("United Airlines", "travel", 120, 600, false),
                        new Movement("SBA loan payment", "loan", 400, 1600, false));
        };
    }

    List<Account> chartOfAccounts() {
        return switch (this) {
            case FR ->
                List.of(
                        new Account("101000", "Capital", "EQUITY"),
                        new Account("106000", "Réserves", "EQUITY"),
                        new Account("120000", "Résultat de l'exercice", "EQUITY"),
                        new Account("164000", "Emprunts auprès des établissements de crédit", "LIABILITY"),
                        new Account("215400", "Matériel industriel", "ASSET"),
                        new Account("218300", "Matériel de bureau et informatique", "ASSET"),
                        new Account("281500", "Amortissements des installations et matériel", "ASSET"),
                        new Account("370000", "Stocks de marchandises", "ASSET"),
                        new Account("401000", "Fournisseurs", "LIABILITY"),
                        new Account("411000", "Clients", "ASSET"),
                        new Account("421000", "Personnel - rémunérations dues", "LIABILITY"),
                        new Account("431000", "Sécurité sociale", "LIABILITY"),
                        new Account("445660", "TVA déductible sur autres biens et services", "ASSET"),
                        new Account("445710", "TVA collectée", "LIABILITY"),
                        new Account("512000", "Banque", "ASSET"),
                        new Account("530000", "Caisse", "ASSET"),
                        new Account("601000", "Achats de matières premières", "EXPENSE"),
                        new Account("606100", "Fournitures non stockables (eau, énergie)", "EXPENSE"),
                        new Account("607000", "Achats de marchandises", "EXPENSE"),
                        new Account("613200", "Locations immobilières", "EXPENSE"),
                        new Account("616000", "Primes d'assurances", "EXPENSE"),
                        new Account("622600", "Honoraires", "EXPENSE"),
                        new Account("623000", "Publicité, publications, relations publiques", "EXPENSE"),
                        new Account("625100", "Voyages et déplacements", "EXPENSE"),
                        new Account("626000", "Frais postaux et de télécommunications", "EXPENSE"),
                        new Account("627000", "Services bancaires et assimilés", "EXPENSE"),
                        new Account("641000", "Rémunérations du personnel", "EXPENSE"),
                        new Account("645000", "Charges de sécurité sociale et de prévoyance", "EXPENSE"),
                        new Account("661100", "Intérêts des emprunts et dettes", "EXPENSE"),
                        new Account("681100", "Dotations aux amortissements", "EXPENSE"),
                        new Account("695000", "Impôts sur les bénéfices", "EXPENSE"),
                        new Account("701000", "Ventes de produits finis", "REVENUE"),
                        new Account("706000", "Prestations de services", "REVENUE"),
                        new Account("707000", "Ventes de marchandises", "REVENUE"),
                        new Account("708500", "Ports et frais accessoires facturés", "REVENUE"));
            case UK ->
                List.of(
                        new Account("090", "Business Bank Account", "ASSET"),
                        new Account("200", "Sales", "REVENUE"),
                        new Account("260", "Other Revenue", "REVENUE"),
                        new Account("270", "Interest Income", "REVENUE"),
                        new Account("310", "Cost of Goods Sold", "EXPENSE"),
                        new Account("400", "Advertising", "EXPENSE"),
                        new Account("404", "Bank Fees", "EXPENSE"),
                        new Account("408", "Cleaning", "EXPENSE"),
                        new Account("412", "Consulting & Accounting", "EXPENSE"),
                        new Account("416", "Depreciation", "EXPENSE"),
                        new Account("420", "Entertainment", "EXPENSE"),
                        new Account("425", "Postage & Courier", "EXPENSE"),
                        new Account("429", "General Expenses", "EXPENSE"),
                        new Account("433", "Insurance", "EXPENSE"),
                        new Account("437", "Interest Expense", "EXPENSE"),
                        new Account("441", "Legal Expenses", "EXPENSE"),
                        new Account("445", "Light, Power, Heating", "EXPENSE"),
                        new Account("449", "Motor Vehicle Expenses", "EXPENSE"),
                        new Account("461", "Printing & Stationery", "EXPENSE"),
                        new Account("469", "Rent", "EXPENSE"),
                        new Account("473", "Repairs and Maintenance", "EXPENSE"),
                        new Account("477", "Salaries", "EXPENSE"),
                        new Account("478", "Employer's National Insurance", "EXPENSE"),
                        new Account("485", "Subscriptions", "EXPENSE"),
                        new Account("489", "Telephone & Internet", "EXPENSE"),
                        new Account("493", "Travel - National", "EXPENSE"),
                        new Account("610", "Accounts Receivable", "ASSET"),
                        new Account("620", "Prepayments", "ASSET"),
                        new Account("630", "Inventory", "ASSET"),
                        new Account("710", "Office Equipment", "ASSET"),
                        new Account("720", "Computer Equipment", "ASSET"),
                        new Account("800", "Accounts Payable", "LIABILITY"),
                        new Account("820", "VAT", "LIABILITY"),
                        new Account("825", "PAYE Payable", "LIABILITY"),
                        new Account("900", "Loan", "LIABILITY"),
                        new Account("960", "Retained Earnings", "EQUITY"),
                        new Account("970", "Owner A Funds Introduced", "EQUITY"));
            case US ->
                List.of(
                        new Account("1000", "Checking", "ASSET"),
                        new Account("1100", "Accounts Receivable", "ASSET"),
                        new Account("1200", "Inventory", "ASSET"),
                        new Account("1500", "Equipment", "ASSET"),
                        new Account("1510", "Accumulated Depreciation", "ASSET"),
                        new Account("2000", "Accounts Payable", "LIABILITY"),
                        new Account("2100", "Credit Card", "LIABILITY"),
                        new Account("2200", "Sales Tax Payable", "LIABILITY"),
                        new Account("2300", "Payroll Liabilities", "LIABILITY"),
                        new Account("2700", "Long-term Loan", "LIABILITY"),
                        new Account("3000", "Owner's Equity", "EQUITY"),
                        new Account("3900", "Retained Earnings", "EQUITY"),
                        new Account("4000", "Sales", "REVENUE"),
                        new Account("4100", "Service Revenue", "REVENUE"),
                        new Account("4900", "Shipping Income", "REVENUE"),
                        new Account("5000", "Cost of Goods Sold", "EXPENSE"),
                        new Account("6000", "Advertising & Marketing", "EXPENSE"),
                        new Account("6100", "Bank Service Charges", "EXPENSE"),
                        new Account("6200", "Insurance", "EXPENSE"),
                        new Account("6300", "Rent", "EXPENSE"),
                        new Account("6400", "Utilities", "EXPENSE"),
                        new Account("6500", "Office Supplies", "EXPENSE"),
                        new Account("6600", "Professional Fees", "EXPENSE"),
                        new Account("6700", "Payroll Expenses", "EXPENSE"),
                        new Account("6710", "Payroll Taxes", "EXPENSE"),
                        new Account("6800", "Travel", "EXPENSE"),
                        new Account("6900", "Telephone & Internet", "EXPENSE"),
                        new Account("7000", "Depreciation", "EXPENSE"),
                        new Account("7100", "Repairs & Maintenance", "EXPENSE"),
                        new Account("8000", "Interest Expense", "EXPENSE"),
                        new Account("9000", "Income Tax", "EXPENSE"));
        };
    }

    /** Sales tax on shop orders: VAT included in France and the UK, a typical state rate in the US. */
    BigDecimal orderTaxRate() {
        return this == US ? new BigDecimal("0.0825") : vatRate;
    }
}
