package com.omnichat.sales;

import java.math.BigDecimal;

/** A catalogue product; inactive ones stay on old orders but are no longer offered. */
public record Product(long id, String name, String sku, BigDecimal price, boolean active, long version) {}
