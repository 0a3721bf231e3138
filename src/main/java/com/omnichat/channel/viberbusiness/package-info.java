/**
 * Viber business number: Viber Business Messages sent by phone number through an aggregator
 * ({@link com.omnichat.channel.viberbusiness.ViberAggregator}; Infobip first). Can start a
 * dialog by phone; inbound messages and delivery/seen reports by webhook, reports also by polling.
 */
@NullMarked
package com.omnichat.channel.viberbusiness;

import org.jspecify.annotations.NullMarked;
