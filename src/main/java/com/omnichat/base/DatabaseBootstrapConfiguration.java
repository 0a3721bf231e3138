package com.omnichat.base;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseBootstrapConfiguration {

    // Static: a BeanPostProcessor must exist before the other beans are created.
    @Bean
    @ConditionalOnProperty(name = "omnichat.db.create-if-missing", havingValue = "true")
    static BeanPostProcessor databaseBootstrap(Environment env) {
        return new DatabaseBootstrap(env.getProperty("omnichat.db.recreate", Boolean.class, false));
    }
}
