/**
 * Client views (Clients section, the lead/buyer card) and the card's extension point
 * {@link com.omnichat.customer.ui.ClientCardSection}, published as the {@code ui} named
 * interface so other features' views can contribute sections and embed the card.
 */
@NamedInterface("ui")
@NullMarked
package com.omnichat.customer.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
