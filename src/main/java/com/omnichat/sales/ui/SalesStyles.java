package com.omnichat.sales.ui;

/** The sales stylesheet, loaded by the components that need it (they may appear on other modules' pages). */
final class SalesStyles {

    static final String SHEET = "styles/sales.css";

    private SalesStyles() {}
}
