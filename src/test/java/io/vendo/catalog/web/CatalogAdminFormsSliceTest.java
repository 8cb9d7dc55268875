package io.vendo.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.vendo.catalog.BlueprintDetails;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.InvalidEntryException;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.TargetDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The catalog's admin forms alone, with their validators, the real security chain and Thymeleaf: what cannot be read
 * is shown again field by field and never reaches the catalog, what the catalog refuses is shown the same way, and a
 * valid form reaches the catalog as the command it means.
 */
@WebMvcTest(
        controllers = {
            CatalogAdminPagesController.class,
            BlueprintAdminPagesController.class,
            TargetAdminPagesController.class
        },
        // The page-wide dry-run banner belongs to the aws module, which this slice leaves out.
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vendo\\.aws\\..*"))
@ActiveProfiles("local")
@WithMockUser(username = "admin", roles = "ADMIN")
class CatalogAdminFormsSliceTest {

    private static final String TEMPLATE = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";
    private static final UUID BLUEPRINT = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    CatalogAdministration administration;

    private BlueprintDetails blueprint;

    @BeforeEach
    void catalog() {
        var metadata =
                new BlueprintMetadata("Topic", "An SNS topic", "messaging", Map.of(), List.of(), null, null, null);
        var blueprint = new BlueprintDetails(BLUEPRINT, "topic", BlueprintKind.STACK, metadata, 1, null, Instant.now());
        given(catalog.blueprint("topic")).willReturn(blueprint);
        given(catalog.version("topic", 1))
                .willReturn(new BlueprintVersionDetails(
                        UUID.randomUUID(),
                        BLUEPRINT,
                        "topic",
                        "Topic",
                        "An SNS topic",
                        BlueprintKind.STACK,
                        1,
                        TEMPLATE,
                        List.of(),
                        List.of(),
                        List.of()));
        given(catalog.regions()).willReturn(new TreeSet<>(List.of("eu-west-1", "us-east-1")));
        given(administration.syncSource()).willReturn(Optional.empty());
        given(administration.lastSync()).willReturn(Optional.empty());
    }

    @Test
    void aBlueprintWhoseFieldsCannotBeReadIsShownAgainFieldByFieldAndNotStored() throws Exception {
        var page = mvc.perform(post("/admin/blueprints")
                        .with(csrf())
                        .param("slug", "topic")
                        .param("kind", "MAINFRAME")
                        .param("name", "Topic")
                        .param("owner", "messaging")
                        .param("tags", "team=web\nno separator")
                        .param("allowedEnvironments", "DEV", "MARS")
                        .param("maxLifetime", "90 days")
                        .param("quotaPerTeam", "three")
                        .param("template", TEMPLATE))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/blueprints"))
                .andExpect(model().attributeHasFieldErrorCode("form", "kind", "unreadable"))
                .andExpect(model().attributeHasFieldErrorCode("form", "tags", "unreadable"))
                .andExpect(model().attributeHasFieldErrorCode("form", "allowedEnvironments", "unreadable"))
                .andExpect(model().attributeHasFieldErrorCode("form", "maxLifetime", "unreadable"))
                .andExpect(model().attributeHasFieldErrorCode("form", "quotaPerTeam", "unreadable"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(page))
                .contains("The blueprint was not added:")
                .contains("Choose a kind")
                .contains("Write one tag per line as key=value")
                .contains("Choose tiers from the list")
                .contains("Give an ISO-8601 duration such as P30D or PT12H")
                .contains("Give a whole number, or leave it empty for no quota")
                .contains("value=\"topic\"");
        then(administration).should(never()).create(any());
    }

    @Test
    void aValidBlueprintReachesTheCatalogAsTheCommandItMeans() throws Exception {
        var created = mock(BlueprintVersionDetails.class);
        given(created.slug()).willReturn("topic");
        given(created.name()).willReturn("Topic");
        given(created.patternWarnings()).willReturn(List.of());
        given(administration.create(any())).willReturn(created);

        mvc.perform(post("/admin/blueprints")
                        .with(csrf())
                        .param("slug", " topic ")
                        .param("kind", "STACK")
                        .param("name", "Topic")
                        .param("description", "An SNS topic")
                        .param("owner", "messaging")
                        .param("tags", "cost-center = messaging\n\n")
                        .param("allowedEnvironments", "DEV", "PROD")
                        .param("maxLifetime", "P30D")
                        .param("quotaPerTeam", "2")
                        .param("capabilities", "CAPABILITY_IAM")
                        .param("template", TEMPLATE))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/blueprints/topic"));

        var command = ArgumentCaptor.forClass(NewBlueprint.class);
        then(administration).should().create(command.capture());
        assertThat(command.getValue().slug()).isEqualTo("topic");
        assertThat(command.getValue().metadata())
                .isEqualTo(new BlueprintMetadata(
                        "Topic",
                        "An SNS topic",
                        "messaging",
                        Map.of("cost-center", "messaging"),
                        List.of(EnvironmentTier.DEV, EnvironmentTier.PROD),
                        null,
                        Duration.ofDays(30),
                        2));
        assertThat(command.getValue().version().capabilities()).containsExactly("CAPABILITY_IAM");
        assertThat(command.getValue().version().delivery()).isEqualTo(new Delivery.Stack());
    }

    @Test
    void aVersionTheCatalogRefusesIsShownWithTheCatalogsWordsUnderItsField() throws Exception {
        var refusal = mock(InvalidEntryException.class);
        given(refusal.errors())
                .willReturn(Map.of("template", "Template is not valid YAML or JSON at line 3, column 10: oops"));
        given(administration.addVersion(eq(BLUEPRINT), any())).willThrow(refusal);

        var page = mvc.perform(post("/admin/blueprints/topic/versions")
                        .with(csrf())
                        .param("template", "Resources:\n  Topic: [oops\n"))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/blueprint"))
                .andExpect(model().attributeHasFieldErrors("version", "template"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(page))
                .contains("Template is not valid YAML or JSON at line 3, column 10: oops")
                .contains("Resources:\n  Topic: [oops");
    }

    @Test
    void metadataIgnoresFieldsItDoesNotEdit() throws Exception {
        given(administration.describe(eq(BLUEPRINT), any())).willReturn(blueprint);

        mvc.perform(post("/admin/blueprints/topic/metadata")
                        .with(csrf())
                        .param("name", "Topic")
                        .param("owner", "messaging")
                        .param("kind", "MAINFRAME")
                        .param("template", "not bound here"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/blueprints/topic"));

        var metadata = ArgumentCaptor.forClass(BlueprintMetadata.class);
        then(administration).should().describe(eq(BLUEPRINT), metadata.capture());
        assertThat(metadata.getValue().name()).isEqualTo("Topic");
    }

    @Test
    void aTargetWithAnUnknownTierIsShownAgainAndNotStored() throws Exception {
        var page = mvc.perform(post("/admin/targets")
                        .with(csrf())
                        .param("slug", "qa")
                        .param("name", "QA")
                        .param("accountId", "111122223333")
                        .param("region", "eu-west-1")
                        .param("environment", "QA"))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/targets"))
                .andExpect(model().attributeHasFieldErrorCode("form", "environment", "unknown"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(page))
                .contains("The target was not saved:")
                .contains("Choose SANDBOX, DEV, STAGING or PROD");
        then(administration).should(never()).createTarget(any());
    }

    @Test
    void aTargetReachesTheCatalogWithItsListsSplitAndABlankRoleLeftOut() throws Exception {
        given(administration.createTarget(any())).willAnswer(call -> details(call.getArgument(0)));

        mvc.perform(post("/admin/targets")
                        .with(csrf())
                        .param("slug", "qa")
                        .param("name", "QA")
                        .param("accountId", "111122223333")
                        .param("region", "eu-west-1")
                        .param("environment", "DEV")
                        .param("executionRoleArn", "  ")
                        .param("allowedBlueprints", "topic, , static-website"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/targets"));

        then(administration)
                .should()
                .createTarget(new NewTarget(
                        "qa",
                        "QA",
                        "111122223333",
                        "eu-west-1",
                        EnvironmentTier.DEV,
                        null,
                        null,
                        List.of("topic", "static-website"),
                        List.of()));
    }

    @Test
    void aTargetsExternalIdLeftEmptyKeepsTheStoredOneAndItsSlugNeverChanges() throws Exception {
        var stored = new TargetDetails(
                UUID.randomUUID(),
                "prod",
                "Production",
                "444455556666",
                "eu-west-1",
                EnvironmentTier.PROD,
                "arn:aws:iam::444455556666:role/Vendo",
                "shared-secret-4711");
        given(catalog.target("prod")).willReturn(stored);
        given(administration.updateTarget(eq("prod"), any())).willAnswer(call -> details(call.getArgument(1)));

        mvc.perform(post("/admin/targets/prod")
                        .with(csrf())
                        .param("slug", "renamed")
                        .param("name", "Production")
                        .param("accountId", "444455556666")
                        .param("region", "eu-west-1")
                        .param("environment", "PROD")
                        .param("executionRoleArn", "arn:aws:iam::444455556666:role/Vendo")
                        .param("externalId", ""))
                .andExpect(status().isFound());

        var target = ArgumentCaptor.forClass(NewTarget.class);
        then(administration).should().updateTarget(eq("prod"), target.capture());
        assertThat(target.getValue().slug()).isEqualTo("prod");
        assertThat(target.getValue().externalId()).isEqualTo("shared-secret-4711");
    }

    @Test
    @WithMockUser(username = "requester", roles = "REQUESTER")
    void onlyAdminsCurateTheCatalog() throws Exception {
        mvc.perform(post("/admin/targets").with(csrf()).param("slug", "qa")).andExpect(status().isForbidden());
        then(administration).should(never()).createTarget(any());
    }

    private static TargetDetails details(NewTarget target) {
        return new TargetDetails(
                UUID.randomUUID(),
                target.slug(),
                target.name(),
                target.accountId(),
                target.region(),
                target.environment(),
                target.executionRoleArn(),
                target.externalId(),
                target.allowedBlueprints(),
                target.allowedOrganizationalUnits());
    }
}
