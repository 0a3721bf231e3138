package com.omnichat.customer;

/** Why a lead was linked to an existing buyer. */
public enum LinkReason {
    /** "Save buyer" found a buyer with the same phone. */
    SAME_PHONE,
    /** "Save buyer" found a buyer with the same e-mail. */
    SAME_EMAIL,
    /** A manager chose the buyer from the list. */
    CHOSEN
}
