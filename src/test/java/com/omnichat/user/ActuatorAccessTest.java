package com.omnichat.user;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.omnichat.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The actuator on the application's port: health for anyone (probes), metrics and the rest
 * for administrators only — an outsider learns nothing about the installation's traffic.
 */
@IntegrationTest
class ActuatorAccessTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    @Test
    void anonymousGetsNoMetricsButHealthAnswers() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());

        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("\"status\":\"UP\"")));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/livez")).andExpect(status().isOk());
    }

    @Test
    void anAdministratorReadsTheMetricsAManagerDoesNot() throws Exception {
        staff.administrator("admin");
        staff.manager("anna");

        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", StaffFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("anna", StaffFixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "wrong-password-1")))
                .andExpect(status().isUnauthorized());
    }
}
