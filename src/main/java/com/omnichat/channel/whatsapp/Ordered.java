package com.omnichat.channel.whatsapp;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON objects for the Graph API with their keys in the order written (Map.of has none: stable bodies, readable logs). */
final class Ordered {

    private Ordered() {}

    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
