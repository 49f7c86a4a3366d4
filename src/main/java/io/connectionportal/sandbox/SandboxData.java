package io.connectionportal.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * Realistic, generated records for one account (or one older grant) of one platform's sandbox. Everything
 * derives from a seed made of the account's subject and the platform key, and dates count back from the day the
 * account was opened, so repeated calls, a sync a week later and a reconnection return exactly the same records.
 * Lists hold 20 to 60 records over the twelve months before that day; a company has 2 or 3 bank accounts, as real
 * ones do.
 */
final class SandboxData {

    // ----- The records the data API returns, one type per endpoint -----

    record Address(String line1, String postalCode, String city, String region, String country) {}

    record Company(
            String id,
            String legalName,
            String tradingName,
            String legalForm,
            String registrationNumber,
            String taxNumber,
            String industry,
            String incorporatedOn,
            Address address,
            String baseCurrency,
            String financialYearEnd) {}

    record LedgerAccount(String id, String code, String name, String type, String status) {}

    record Invoice(
            String id,
            String number,
            String customerName,
            String issueDate,
            String dueDate,
            String currency,
            BigDecimal netAmount,
            BigDecimal taxAmount,
            BigDecimal totalAmount,
            BigDecimal amountDue,
            String status,
            String paidDate) {}

    record Bill(
            String id,
            String reference,
            String supplierName,
            String issueDate,
            String dueDate,
            String currency,
            BigDecimal netAmount,
            BigDecimal taxAmount,
            BigDecimal totalAmount,
            BigDecimal amountDue,
            String status,
            String paidDate) {}

    /** A monthly profit and loss, or a month-end balance sheet ({@code periodEnd} is its "as at" date). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FinancialStatement(
            String id,
            String type,
            String periodStart,
            String periodEnd,
            String currency,
            Map<String, BigDecimal> lines) {}

    record BankAccount(
            String id,
            String name,
            String type,
            String currency,
            String maskedAccountNumber,
            BigDecimal balance,
            String institution) {}

    record BankTransaction(
            String id,
            String accountId,
            String date,
            String description,
            String category,
            String type,
            BigDecimal amount,
            String currency) {}

    record Order(
            String id,
            String number,
            String createdAt,
            String customerId,
            int itemCount,
            BigDecimal subtotal,
            BigDecimal shipping,
            BigDecimal tax,
            BigDecimal total,
            String currency,
            String financialStatus,
            String fulfillmentStatus,
            String shippingCountry) {}

    record Payout(
            String id,
            String date,
            BigDecimal grossAmount,
            BigDecimal fees,
            BigDecimal amount,
            String currency,
            String status) {}

    /** Customers without names or contact details: the portal only reads their spread (see the privacy page). */
    record Customer(
            String id,
            String createdAt,
            String city,
            String country,
            int ordersCount,
            BigDecimal totalSpent,
            String currency) {}

    private final Platform platform;
    private final Region region;
    private final long seed;
    /** The company's own details come from this seed alone, so one business is the same on every platform. */
    private final long companySeed;

    private final LocalDate today;

    /** The records of a grant older than accounts: they follow the grant and the platform's country. */
    SandboxData(Platform platform, long grantId, Instant grantedAt) {
        this.platform = platform;
        this.region = Region.of(platform);
        // String.hashCode is specified, so the seed is the same on every JVM and every run.
        this.seed = grantId * 1_000_003L + platform.key().hashCode();
        this.companySeed = seed;
        this.today = LocalDate.ofInstant(grantedAt, ZoneOffset.UTC);
    }

    /**
     * The records of an account: derived from its subject (a hash, the same on every JVM) and counted back from the
     * day it was opened, so every grant for the business, a reconnection included, reads exactly the same records.
     * Its country, when known, sets the conventions; else the platform's does.
     */
    SandboxData(Platform platform, SandboxAccount.Facts account) {
        this.platform = platform;
        this.region = account.country().flatMap(Region::ofCountry).orElseGet(() -> Region.of(platform));
        this.companySeed =
                Long.parseUnsignedLong(Secrets.hash(account.subject()).substring(0, 15), 16);
        this.seed = companySeed * 1_000_003L + platform.key().hashCode();
        this.today = LocalDate.ofInstant(account.openedAt(), ZoneOffset.UTC);
    }

    /** The records of one data type: a single object for company details, a list otherwise. */
    Object read(DataType type) {
        return switch (type) {
            case COMPANY_INFO -> company();
            case CHART_OF_ACCOUNTS -> accounts();
            case INVOICES -> invoices();
            case BILLS -> bills();
            case FINANCIAL_STATEMENTS -> financialStatements();
            case BANK_ACCOUNTS -> bankAccounts();
            case BANK_TRANSACTIONS -> bankTransactions();
            case ORDERS -> orders();
            case PAYOUTS -> payouts();
            case CUSTOMERS -> customers();
        };
    }

    Company company() {
        Random random = random(DataType.COMPANY_INFO);
        String surname = pick(random, region.surnames());
        String[] business = pick(random, region.businesses());
        String tradingName = String.format(business[0], surname);
        String form = pick(random, region.legalForms());
        Region.Place place = pick(random, region.places());
        Address address = new Address(
                (1 + random.nextInt(120)) + " " + pick(random, region.streets()),
                place.postalCode(),
                place.city(),
                place.region(),
                region.country);
        String registration;
        String tax;
        switch (region) {
            case FR -> {
                registration = siren(random);
                long key = (12 + 3 * (Long.parseLong(registration) % 97)) % 97;
                tax = String.format("FR%02d%s", key, registration);
            }
            case UK -> {
                registration = String.format("%08d", 4_000_000 + random.nextInt(10_000_000));
                tax = ukVatNumber(random);
            }
            default -> {
                registration = String.format("%07d", 1_000_000 + random.nextInt(9_000_000));
                tax = String.format("%02d-%07d", 20 + random.nextInt(70), random.nextInt(10_000_000));
            }
        }
        LocalDate incorporated = today.minusYears(2 + random.nextInt(14)).minusDays(random.nextInt(365));
        return new Company(
                id("cmp", random),
                tradingName + " " + form,
                tradingName,
                form,
                registration,
                tax,
                business[1],
                incorporated.toString(),
                address,
                region.currency,
                "12-31");
    }

    List<LedgerAccount> accounts() {
        Random random = random(DataType.CHART_OF_ACCOUNTS);
        List<LedgerAccount> accounts = new ArrayList<>();
        for (Region.Account account : region.chartOfAccounts()) {
            String status = random.nextInt(20) == 0 ? "ARCHIVED" : "ACTIVE";
            accounts.add(
                    new LedgerAccount("acc_" + account.code(), account.code(), account.name(), account.type(), status));
        }
        return accounts;
    }

    List<Invoice> invoices() {
        Random random = random(DataType.INVOICES);
        List<LocalDate> dates = dates(random);
        double typical = 400 + random.nextInt(2500);
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate issued = dates.get(i);
            LocalDate due = issued.plusDays(30);
            BigDecimal net = amount(random, typical);
            BigDecimal tax = net.multiply(region.vatRate).setScale(2, RoundingMode.HALF_UP);
            BigDecimal total = net.add(tax);
            Settlement settlement = settle(random, issued, due);
            invoices.add(new Invoice(
                    id("inv", random),
                    region.invoiceNumber(issued.getYear(), i + 1),
                    pick(random, region.customers()),
                    issued.toString(),
                    due.toString(),
                    region.currency,
                    net,
                    tax,
                    total,
                    settlement.paid() ? zero() : total,
                    settlement.status(),
                    settlement.paidDate()));
        }
        return newestFirst(invoices, Invoice::issueDate);
    }

    List<Bill> bills() {
        Random random = random(DataType.BILLS);
        List<LocalDate> dates = dates(random);
        double typical = 120 + random.nextInt(900);
        List<Bill> bills = new ArrayList<>();
        for (LocalDate issued : dates) {
            LocalDate due = issued.plusDays(30);
            BigDecimal net = amount(random, typical);
            BigDecimal tax = net.multiply(region.vatRate).setScale(2, RoundingMode.HALF_UP);
            BigDecimal total = net.add(tax);
            Settlement settlement = settle(random, issued, due);
            bills.add(new Bill(
                    id("bil", random),
                    String.format("%06d", random.nextInt(1_000_000)),
                    pick(random, region.suppliers()),
                    issued.toString(),
                    due.toString(),
                    region.currency,
                    net,
                    tax,
                    total,
                    settlement.paid() ? zero() : total,
                    settlement.status(),
                    settlement.paidDate()));
        }
        return newestFirst(bills, Bill::issueDate);
    }

    /** Twelve monthly profit and loss statements and twelve month-end balance sheets: 24 records. */
    List<FinancialStatement> financialStatements() {
        Random random = random(DataType.FINANCIAL_STATEMENTS);
        double monthlyRevenue = 12_000 + random.nextInt(60_000);
        double grossMargin = 0.45 + random.nextDouble() * 0.25;
        double overheads = monthlyRevenue * (0.25 + random.nextDouble() * 0.15);
        double cash = monthlyRevenue * (0.8 + random.nextDouble());
        double equity = monthlyRevenue * 2;
        double loan = monthlyRevenue * (random.nextDouble() * 2);
        double fixedAssets = monthlyRevenue * (0.5 + random.nextDouble());
        List<FinancialStatement> statements = new ArrayList<>();
        YearMonth month = YearMonth.from(today).minusMonths(12);
        for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
            double season = 1 + 0.2 * Math.sin((month.getMonthValue() - 3) * Math.PI / 6);
            double revenue = monthlyRevenue * season * (0.9 + random.nextDouble() * 0.2);
            double costOfSales = revenue * (1 - grossMargin);
            double expenses = overheads * (0.95 + random.nextDouble() * 0.1);
            double operating = revenue - costOfSales - expenses;
            double net = operating > 0 ? operating * 0.75 : operating;
            Map<String, BigDecimal> pl = new LinkedHashMap<>();
            pl.put("revenue", money(revenue));
            pl.put("costOfSales", money(costOfSales));
            pl.put("grossProfit", money(revenue - costOfSales));
            pl.put("operatingExpenses", money(expenses));
            pl.put("operatingProfit", money(operating));
            pl.put("netProfit", money(net));
            statements.add(new FinancialStatement(
                    "pl-" + month,
                    "PROFIT_AND_LOSS",
                    month.atDay(1).toString(),
                    month.atEndOfMonth().toString(),
                    region.currency,
                    pl));

            cash += net * 0.8;
            equity += net;
            loan = Math.max(0, loan - monthlyRevenue * 0.02);
            double receivables = revenue * (0.6 + random.nextDouble() * 0.4);
            double inventory = costOfSales * (0.5 + random.nextDouble());
            double totalAssets = Math.max(cash, 0) + receivables + inventory + fixedAssets;
            double loans = loan;
            double payables = Math.max(0, totalAssets - equity - loans);
            Map<String, BigDecimal> bs = new LinkedHashMap<>();
            bs.put("cash", money(Math.max(cash, 0)));
            bs.put("accountsReceivable", money(receivables));
            bs.put("inventory", money(inventory));
            bs.put("fixedAssets", money(fixedAssets));
            bs.put("totalAssets", money(totalAssets));
            bs.put("accountsPayable", money(payables));
            bs.put("loans", money(loans));
            bs.put("equity", money(totalAssets - payables - loans));
            statements.add(new FinancialStatement(
                    "bs-" + month, "BALANCE_SHEET", null, month.atEndOfMonth().toString(), region.currency, bs));
        }
        statements.sort(
                Comparator.comparing(FinancialStatement::periodEnd).reversed().thenComparing(FinancialStatement::type));
        return statements;
    }

    List<BankAccount> bankAccounts() {
        Random random = random(DataType.BANK_ACCOUNTS);
        int count = 2 + random.nextInt(2);
        List<BankAccount> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double balance = i == 0 ? 8_000 + random.nextInt(120_000) : 1_000 + random.nextInt(40_000);
            accounts.add(new BankAccount(
                    id("ba", random),
                    region.bankAccountNames().get(i),
                    i == 1 ? "SAVINGS" : "CURRENT",
                    region.currency,
                    region.maskedAccountNumber(random.nextInt(10_000)),
                    money(balance),
                    platform.name()));
        }
        return accounts;
    }

    List<BankTransaction> bankTransactions() {
        List<BankAccount> accounts = bankAccounts();
        Random random = random(DataType.BANK_TRANSACTIONS);
        List<LocalDate> dates = dates(random);
        List<Region.Movement> movements = region.movements();
        List<BankTransaction> transactions = new ArrayList<>();
        for (LocalDate date : dates) {
            // Incoming money about as often as outgoing, as on a healthy current account.
            Region.Movement movement = random.nextBoolean()
                    ? pick(
                            random,
                            movements.stream().filter(Region.Movement::credit).toList())
                    : pick(random, movements.stream().filter(m -> !m.credit()).toList());
            BigDecimal value = money(movement.min() + random.nextDouble() * (movement.max() - movement.min()));
            // Most movements are on the main account; a few are transfers to savings or reserves.
            BankAccount account = random.nextInt(10) < 8 ? accounts.get(0) : pick(random, accounts);
            String description = movement.description().contains("%s")
                    ? String.format(movement.description(), pick(random, region.customers()))
                    : movement.description();
            transactions.add(new BankTransaction(
                    id("tx", random),
                    account.id(),
                    date.toString(),
                    description,
                    movement.category(),
                    movement.credit() ? "CREDIT" : "DEBIT",
                    movement.credit() ? value : value.negate(),
                    region.currency));
        }
        return newestFirst(transactions, BankTransaction::date);
    }

    List<Order> orders() {
        Random random = random(DataType.ORDERS);
        List<Customer> customers = customerBase();
        List<LocalDate> dates = dates(random);
        dates.sort(Comparator.naturalOrder());
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            int items = 1 + random.nextInt(4);
            BigDecimal subtotal = money(items * (15 + random.nextDouble() * 85));
            BigDecimal shipping = subtotal.compareTo(BigDecimal.valueOf(60)) >= 0 ? zero() : new BigDecimal("4.90");
            BigDecimal tax;
            BigDecimal total;
            if (region == Region.US) {
                tax = subtotal.multiply(region.orderTaxRate()).setScale(2, RoundingMode.HALF_UP);
                total = subtotal.add(shipping).add(tax);
            } else {
                // European shop prices include VAT; the tax is the part of the price that is VAT.
                total = subtotal.add(shipping);
                tax = total.subtract(total.divide(BigDecimal.ONE.add(region.vatRate), 2, RoundingMode.HALF_UP));
            }
            int roll = random.nextInt(100);
            String financial = roll < 4 ? "REFUNDED" : roll < 7 ? "PARTIALLY_REFUNDED" : "PAID";
            boolean recent = dates.get(i).isAfter(today.minusDays(3));
            String fulfillment = financial.equals("REFUNDED") || !recent ? "FULFILLED" : "UNFULFILLED";
            Customer customer = pick(random, customers);
            LocalDateTime at = dates.get(i).atTime(LocalTime.of(8 + random.nextInt(14), random.nextInt(60)));
            orders.add(new Order(
                    id("ord", random),
                    "#" + (1001 + i),
                    at.atOffset(ZoneOffset.UTC).toString(),
                    customer.id(),
                    items,
                    subtotal,
                    shipping,
                    tax,
                    total,
                    region.currency,
                    financial,
                    fulfillment,
                    region.country));
        }
        return newestFirst(orders, Order::createdAt);
    }

    List<Payout> payouts() {
        Random random = random(DataType.PAYOUTS);
        int count = 20 + random.nextInt(41);
        double typical = 400 + random.nextInt(3000);
        List<Payout> payouts = new ArrayList<>();
        double interval = 364.0 / count;
        for (int i = 0; i < count; i++) {
            LocalDate date = today.minusDays(1 + Math.round(i * interval));
            BigDecimal gross = amount(random, typical);
            BigDecimal fees = gross.multiply(new BigDecimal("0.029"))
                    .add(new BigDecimal("0.25"))
                    .setScale(2, RoundingMode.HALF_UP);
            payouts.add(new Payout(
                    id("po", random),
                    date.toString(),
                    gross,
                    fees,
                    gross.subtract(fees),
                    region.currency,
                    i == 0 ? "IN_TRANSIT" : "PAID"));
        }
        return payouts;
    }

    /** The customer base with order counts and totals taken from the generated orders, so both agree. */
    List<Customer> customers() {
        List<Customer> base = customerBase();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> spent = new LinkedHashMap<>();
        for (Order order : orders()) {
            if (!order.financialStatus().equals("REFUNDED")) {
                counts.computeIfAbsent(order.customerId(), k -> new int[1])[0]++;
                spent.merge(order.customerId(), order.total(), BigDecimal::add);
            }
        }
        return base.stream()
                .map(c -> new Customer(
                        c.id(),
                        c.createdAt(),
                        c.city(),
                        c.country(),
                        counts.getOrDefault(c.id(), new int[1])[0],
                        spent.getOrDefault(c.id(), zero()),
                        c.currency()))
                .toList();
    }

    private List<Customer> customerBase() {
        Random random = random(DataType.CUSTOMERS);
        int count = 20 + random.nextInt(41);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Region.Place place = pick(random, region.places());
            LocalDate created = today.minusDays(random.nextInt(900));
            customers.add(new Customer(
                    id("cus", random), created.toString(), place.city(), region.country, 0, zero(), region.currency));
        }
        customers.sort(Comparator.comparing(Customer::createdAt).reversed());
        return customers;
    }

    // ----- helpers -----

    private Random random(DataType type) {
        return new Random((type == DataType.COMPANY_INFO ? companySeed : seed) * 31 + type.ordinal());
    }

    /** 20 to 60 dates within the twelve months before the grant, in no particular order. */
    private List<LocalDate> dates(Random random) {
        int count = 20 + random.nextInt(41);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(today.minusDays(1 + random.nextInt(364)));
        }
        return dates;
    }

    private record Settlement(boolean paid, String status, String paidDate) {}

    private Settlement settle(Random random, LocalDate issued, LocalDate due) {
        boolean overdueAlready = due.isBefore(today);
        boolean paid = overdueAlready ? random.nextInt(100) < 88 : random.nextInt(100) < 30;
        if (paid) {
            LocalDate paidOn = issued.plusDays(3 + random.nextInt(40));
            if (paidOn.isAfter(today)) {
                paidOn = today;
            }
            return new Settlement(true, "PAID", paidOn.toString());
        }
        return new Settlement(false, overdueAlready ? "OVERDUE" : "OPEN", null);
    }

    /** A positive amount around {@code typical}, skewed like real invoice amounts (many small, a few large). */
    private static BigDecimal amount(Random random, double typical) {
        double value = typical * Math.exp(random.nextGaussian() * 0.6);
        return money(Math.max(value, 5));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static String id(String prefix, Random random) {
        return prefix + "_" + String.format("%012x", random.nextLong() & 0xffffffffffffL);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> newestFirst(List<T> records, Function<T, String> date) {
        records.sort(Comparator.comparing(date).reversed());
        return records;
    }

    /** A 9-digit SIREN whose last digit is the Luhn check digit, as INSEE issues them. */
    private static String siren(Random random) {
        String body = String.format("%08d", 10_000_000 + random.nextInt(89_999_999));
        for (int check = 0; check < 10; check++) {
            if (luhn(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("A Luhn check digit always exists");
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** GB plus nine digits whose last two make the weighted sum a multiple of 97 (HMRC's check). */
    private static String ukVatNumber(Random random) {
        int[] digits = new int[7];
        int sum = 0;
        digits[0] = 1 + random.nextInt(9);
        for (int i = 0; i < 7; i++) {
            if (i > 0) {
                digits[i] = random.nextInt(10);
            }
            sum += digits[i] * (8 - i);
        }
        int check = (97 - sum % 97) % 97;
        StringBuilder number = new StringBuilder("GB");
        for (int digit : digits) {
            number.append(digit);
        }
        return number.append(String.format("%02d", check)).toString();
    }
}
