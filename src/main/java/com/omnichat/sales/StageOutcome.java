package com.omnichat.sales;

/** Where a pipeline stage leads: still being worked on, or closed as won or lost. */
public enum StageOutcome {
    OPEN,
    WON,
    LOST
}
