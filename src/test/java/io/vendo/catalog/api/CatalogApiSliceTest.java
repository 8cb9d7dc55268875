package io.vendo.catalog.api;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vendo.catalog.BlueprintDetails;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogQuery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.TargetDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The catalog's API controllers alone, with the real security chains and JSON rendering. */
@WebMvcTest(
        controllers = {BlueprintsApiController.class, TargetsApiController.class},
        // The page-wide dry-run banner belongs to the aws module, which this slice leaves out.
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vendo\\.aws\\..*"))
@ActiveProfiles("local")
class CatalogApiSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalog catalog;

    @Test
    @WithMockUser(roles = "REQUESTER")
    void listsBlueprintsWithTheirNewestVersion() throws Exception {
        given(catalog.search(CatalogQuery.everything()))
                .willReturn(List.of(new BlueprintDetails(
                        UUID.randomUUID(),
                        "static-website",
                        BlueprintKind.STACK,
                        new BlueprintMetadata(
                                "Static website", "S3 site", "platform", Map.of(), List.of(), null, null, null),
                        3,
                        null,
                        Instant.now())));

        mvc.perform(get("/api/v1/blueprints"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value("static-website"))
                .andExpect(jsonPath("$[0].kind").value("STACK"))
                .andExpect(jsonPath("$[0].latestVersion").value(3));
    }

    @Test
    @WithMockUser(roles = "REQUESTER")
    void targetsNeverShowTheirExternalId() throws Exception {
        given(catalog.targets())
                .willReturn(List.of(new TargetDetails(
                        UUID.randomUUID(),
                        "prod",
                        "Production",
                        "444455556666",
                        "eu-west-1",
                        EnvironmentTier.PROD,
                        "arn:aws:iam::444455556666:role/Vendo",
                        "shared-secret-4711")));

        mvc.perform(get("/api/v1/targets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].accountId").value("444455556666"))
                .andExpect(jsonPath("$[0].externalId").doesNotExist())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("shared-secret"))));
    }

    @Test
    void anonymousCallsAreChallengedWithProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/blueprints"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
    }
}
