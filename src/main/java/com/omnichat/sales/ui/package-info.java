/**
 * Sales views: the Requests and Orders sections, the request and order forms, the product
 * catalogue (administration) and the card's requests and orders sections.
 */
@NullMarked
package com.omnichat.sales.ui;

import org.jspecify.annotations.NullMarked;
