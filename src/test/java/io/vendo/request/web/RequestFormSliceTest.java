package io.vendo.request.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.vendo.catalog.BlueprintDetails;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.TargetDetails;
import io.vendo.catalog.TemplateResource;
import io.vendo.request.AccountResources;
import io.vendo.request.DraftSecrets;
import io.vendo.request.PromotionChecks;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import io.vendo.request.SubmitRequest;
import io.vendo.web.FormProblems;
import io.vendo.web.FormTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The request form's controller alone, with its validator, the real security chain and Thymeleaf: what it refuses,
 * in which order and in which words, what the review shows, and that only the review's submit files a request.
 */
@WebMvcTest(
        controllers = RequestFormController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vendo\\.aws\\..*"))
@Import({RequestFormValidator.class, RequestReview.class, RequestAgain.class})
@ActiveProfiles("local")
@WithMockUser(username = "requester", roles = "REQUESTER")
class RequestFormSliceTest {

    private static final BlueprintVersionDetails SITE = new BlueprintVersionDetails(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "static-website",
            "Static website",
            "An S3 site",
            BlueprintKind.STACK,
            1,
            "Resources: {}",
            List.of(
                    new ParameterDefinition(
                            "SiteName",
                            "String",
                            null,
                            List.of(),
                            "[a-z][a-z0-9-]{2,40}",
                            null,
                            null,
                            null,
                            null,
                            false,
                            null,
                            "must be 3 to 41 lower-case letters, digits or hyphens"),
                    new ParameterDefinition(
                            "Days",
                            "Number",
                            "30",
                            List.of(),
                            null,
                            null,
                            null,
                            "1",
                            "365",
                            false,
                            null,
                            null,
                            "Days to keep old versions",
                            null)),
            List.of(),
            List.of());
    private static final TargetDetails SANDBOX = new TargetDetails(
            UUID.randomUUID(),
            "sandbox",
            "Sandbox",
            "111122223333",
            "eu-west-1",
            EnvironmentTier.SANDBOX,
            null,
            null,
            List.of(),
            List.of());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    Requests requests;

    @MockitoBean
    AccountResources accountResources;

    @MockitoBean
    FormTokens formTokens;

    @MockitoBean
    DraftSecrets secrets;

    @MockitoBean
    ApprovalForecast approvals;

    @MockitoBean
    PromotionChecks promotions;

    @BeforeEach
    void catalog() {
        given(catalog.latestVersion("static-website")).willReturn(SITE);
        given(catalog.targetsFor(SITE)).willReturn(List.of(SANDBOX));
        given(catalog.blueprint("static-website"))
                .willReturn(new BlueprintDetails(
                        SITE.blueprintId(),
                        "static-website",
                        BlueprintKind.STACK,
                        new BlueprintMetadata(
                                "Static website",
                                "An S3 site",
                                "web",
                                Map.of(),
                                List.of(),
                                null,
                                Duration.ofDays(90),
                                2),
                        1,
                        null,
                        Instant.now()));
        given(catalog.resources(SITE.versionId()))
                .willReturn(List.of(new TemplateResource("SiteBucket", "AWS::S3::Bucket")));
        given(catalog.validateParameters(eq(SITE), any())).willAnswer(call -> {
            Map<String, String> values = call.getArgument(1);
            var errors = new java.util.TreeMap<String, String>();
            if (!values.getOrDefault("SiteName", "").matches("[a-z][a-z0-9-]{2,40}")) {
                errors.put("SiteName", "Parameter 'SiteName' failed to satisfy constraint: must be 3 to 41");
            }
            if (Integer.parseInt(values.getOrDefault("Days", "30")) > 365) {
                errors.put("Days", "Parameter 'Days' must be a number not greater than 365");
            }
            if (!errors.isEmpty()) {
                throw new InvalidParametersException(errors);
            }
            return values;
        });
        given(approvals.whoMustApprove(eq("static-website"), eq(EnvironmentTier.SANDBOX), anyString()))
                .willReturn("1 from any approver (policy default); never yourself");
        given(formTokens.issue()).willReturn("f0000000-0000-4000-8000-000000000001");
        given(formTokens.once(anyString(), anyString(), anyString(), any())).willAnswer(call -> {
            Supplier<FormTokens.Outcome> submission = call.getArgument(3);
            return submission.get();
        });
    }

    @Test
    void refusedFieldsComeBackInTheOrderTheFormShowsThemInWords() throws Exception {
        var result = mvc.perform(post("/blueprints/static-website/request")
                        .with(csrf())
                        .param("target", "")
                        .param("parameters[SiteName]", "Not Valid!")
                        .param("parameters[Days]", "999")
                        .param("justification", " ")
                        .param("step", "review"))
                .andExpect(status().isOk())
                .andExpect(view().name("request/form"))
                .andExpect(model().attributeHasFieldErrors("form", "target", "justification"))
                .andReturn();

        @SuppressWarnings("unchecked")
        var problems =
                (List<FormProblems.Problem>) result.getModelAndView().getModel().get("problems");
        assertThat(problems)
                .extracting(FormProblems.Problem::fieldId, FormProblems.Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("target", "Choose where to deploy"),
                        org.assertj.core.groups.Tuple.tuple(
                                "param-SiteName", "SiteName must be 3 to 41 lower-case letters, digits or hyphens"),
                        org.assertj.core.groups.Tuple.tuple(
                                "param-Days", "Days to keep old versions must be between 1 and 365"),
                        org.assertj.core.groups.Tuple.tuple(
                                "justification", "Say why this is needed: approvers read it"));
        assertThat(result.getResponse().getContentAsString())
                .contains("id=\"error-summary\"")
                .contains("href=\"#param-SiteName\"")
                .contains("value=\"Not Valid!\"");
        then(requests).should(never()).submit(any(), any());
    }

    @Test
    void aValidFormGoesToTheReviewFirstAndStoresNothing() throws Exception {
        mvc.perform(post("/blueprints/static-website/request")
                        .with(csrf())
                        .param("target", "sandbox")
                        .param("parameters[SiteName]", "my-site")
                        .param("parameters[Days]", "")
                        .param("justification", "Landing page")
                        .param("formToken", "f0000000-0000-4000-8000-000000000001"))
                .andExpect(status().isOk())
                .andExpect(view().name("request/review"))
                .andExpect(model().attribute("approvers", "1 from any approver (policy default); never yourself"))
                .andExpect(model().attribute("lifetime", "At most 90 days, then it expires"))
                .andExpect(model().attribute("quota", 2))
                .andExpect(
                        model().attribute("resources", List.of(new TemplateResource("SiteBucket", "AWS::S3::Bucket"))));
        then(requests).should(never()).submit(any(), any());
    }

    /** Every step of a promotion leaves an environment: the review says how many places of the quota it takes. */
    @Test
    void theReviewOfAPromotionSaysItTakesOnePlaceOfTheQuotaPerStep() throws Exception {
        var production = new TargetDetails(
                UUID.randomUUID(),
                "production",
                "Production",
                "444455556666",
                "eu-central-1",
                EnvironmentTier.PROD,
                null,
                null,
                List.of(),
                List.of());
        given(catalog.target("production")).willReturn(production);

        var result = mvc.perform(post("/blueprints/static-website/request")
                        .with(csrf())
                        .param("target", "sandbox")
                        .param("promotion[0]", "production")
                        .param("parameters[SiteName]", "my-site")
                        .param("justification", "Sandbox, then production")
                        .param("formToken", "f0000000-0000-4000-8000-000000000002"))
                .andExpect(status().isOk())
                .andExpect(view().name("request/review"))
                .andReturn();

        assertThat(result.getResponse().getContentAsString())
                .contains("At most 2 active per team; this promotion takes 2, one per step");
        then(requests).should(never()).submit(any(), any());
    }

    @Test
    void theReviewsSubmitFilesTheRequestOnceThroughItsFormToken() throws Exception {
        var id = UUID.randomUUID();
        var view = org.mockito.Mockito.mock(RequestView.class);
        given(view.id()).willReturn(id);
        given(requests.submit(any(SubmitRequest.class), any())).willReturn(view);

        mvc.perform(post("/blueprints/static-website/request")
                        .with(csrf())
                        .param("target", "sandbox")
                        .param("parameters[SiteName]", "my-site")
                        .param("justification", "Landing page")
                        .param("formToken", "f0000000-0000-4000-8000-000000000001")
                        .param("step", "submit"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/requests/" + id))
                .andExpect(flash().attribute("notice", "Request submitted: it now waits for approval."));
        then(formTokens).should().once(eq("requester"), eq("f0000000-0000-4000-8000-000000000001"), anyString(), any());
        then(requests)
                .should()
                .submit(
                        eq(new SubmitRequest(
                                "static-website", "sandbox", Map.of("SiteName", "my-site"), "Landing page")),
                        any());
    }

    @Test
    void aRefusalBySomethingThatChangedSinceTheFormOpenedIsSaidOnTheKeptForm() throws Exception {
        given(requests.submit(any(SubmitRequest.class), any()))
                .willThrow(
                        new io.vendo.refusal.Refusal(
                                io.vendo.refusal.Refusal.Kind.CONFLICT,
                                "Blueprint retired",
                                "Blueprint 'static-website' is retired and takes no new requests") {});

        mvc.perform(post("/blueprints/static-website/request")
                        .with(csrf())
                        .param("target", "sandbox")
                        .param("parameters[SiteName]", "my-site")
                        .param("justification", "Landing page")
                        .param("formToken", "f0000000-0000-4000-8000-000000000001")
                        .param("step", "submit"))
                .andExpect(status().isOk())
                .andExpect(view().name("request/form"))
                .andExpect(model().attributeHasErrors("form"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("is retired and takes no new requests")
                        .contains("value=\"my-site\""));
    }

    @Test
    void changingTheReviewedFormChecksNothing() throws Exception {
        mvc.perform(post("/blueprints/static-website/request")
                        .with(csrf())
                        .param("target", "")
                        .param("justification", "")
                        .param("step", "edit"))
                .andExpect(status().isOk())
                .andExpect(view().name("request/form"))
                .andExpect(model().hasNoErrors());
    }
}
