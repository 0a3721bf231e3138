/**
 * Clients: leads as the inbox knows them, buyers, and their identities on channels. The
 * card's changes ({@link com.omnichat.customer.ClientCardService}) publish events
 * ({@link com.omnichat.customer.ClientUpdated}, {@link com.omnichat.customer.ClientSavedAsBuyer},
 * {@link com.omnichat.customer.ClientsMerged}, {@link com.omnichat.customer.ClientLinkedToBuyer})
 * that the chat module turns into system messages and live updates.
 */
@NullMarked
package com.omnichat.customer;

import org.jspecify.annotations.NullMarked;
