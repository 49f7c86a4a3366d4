package io.connectionportal.platforms;

import java.util.Locale;

/** A kind of record read from (or written to) a connected platform, with the direction it travels. */
public enum DataType {
    COMPANY_INFO(Category.ACCOUNTING, Direction.READ),
    CHART_OF_ACCOUNTS(Category.ACCOUNTING, Direction.READ),
    INVOICES(Category.ACCOUNTING, Direction.READ),
    BILLS(Category.ACCOUNTING, Direction.READ),
    FINANCIAL_STATEMENTS(Category.ACCOUNTING, Direction.READ),
    BANK_ACCOUNTS(Category.BANKING, Direction.READ),
    BANK_TRANSACTIONS(Category.BANKING, Direction.READ),
    ORDERS(Category.COMMERCE, Direction.READ),
    PAYOUTS(Category.COMMERCE, Direction.READ),
    CUSTOMERS(Category.COMMERCE, Direction.READ);

    public enum Direction {
        READ,
        WRITE
    }

    private final Category category;
    private final Direction direction;

    DataType(Category category, Direction direction) {
        this.category = category;
        this.direction = direction;
    }

    public Category category() {
        return category;
    }

    public Direction direction() {
        return direction;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean written() {
        return direction == Direction.WRITE;
    }
}
