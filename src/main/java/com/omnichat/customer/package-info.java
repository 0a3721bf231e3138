/**
 * Clients: leads as the inbox knows them and their identities on channels. The lead/buyer
 * card, buyers and merging come with their own issue.
 */
@NullMarked
package com.omnichat.customer;

import org.jspecify.annotations.NullMarked;
