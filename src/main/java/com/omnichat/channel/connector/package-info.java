/**
 * The connector SPI: what a provider type implements ({@link com.omnichat.channel.connector.ChannelConnector})
 * and the provider-neutral types it exchanges with the framework. Internal to the channel
 * module: provider sub-packages (telegram, viber, webchat, ...) implement it.
 */
@NullMarked
package com.omnichat.channel.connector;

import org.jspecify.annotations.NullMarked;
