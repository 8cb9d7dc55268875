package io.vendo.approval.web;

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

import io.vendo.approval.ApprovalPolicies;
import io.vendo.approval.ApprovalStatus;
import io.vendo.approval.Approvals;
import io.vendo.approval.DecisionOutcome;
import io.vendo.approval.NewPolicy;
import io.vendo.approval.Requirement;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import io.vendo.web.FormTokens;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The approval module's forms alone, with their validators, the real security chain and Thymeleaf: a decision without
 * what it needs is shown again with a message (the e-mail link's page included, not an error page), a decision is
 * made once per form token, and a policy is refused field by field.
 */
@WebMvcTest(
        controllers = {ApprovalPagesController.class, PolicyPagesController.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vendo\\.aws\\..*"))
@ActiveProfiles("local")
class ApprovalFormsSliceTest {

    private static final String LINK = "k3sLqU0Z4Hq1p9oYb5Wm2XcVt8NfRgDaJeKiSuLhM7w";
    private static final UUID REQUEST = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Approvals approvals;

    @MockitoBean
    ApprovalPolicies policies;

    @MockitoBean
    FormTokens formTokens;

    /** For the confirmation page's fleet, if the request is a row of one: these requests are not. */
    @MockitoBean
    Requests requests;

    @BeforeEach
    void stubs() {
        var request = org.mockito.Mockito.mock(RequestView.class);
        given(request.kind()).willReturn(io.vendo.request.RequestKind.PROVISION);
        given(request.id()).willReturn(REQUEST);
        given(request.blueprintName()).willReturn("Static website");
        given(request.targetName()).willReturn("Sandbox");
        given(request.requester()).willReturn("requester");
        given(request.team()).willReturn("web-team");
        given(request.justification()).willReturn("Campaign page");
        given(request.parameters()).willReturn(java.util.Map.of("SiteName", "link-site"));
        given(approvals.confirmation(eq(LINK), any(), anyString()))
                .willReturn(new Approvals.LinkConfirmation(
                        request,
                        new Approvals.ApprovalView(
                                "default",
                                ApprovalStatus.PENDING,
                                List.of(new Requirement("*", 1)),
                                null,
                                List.of("*"),
                                List.of(),
                                true,
                                false,
                                1),
                        "approver",
                        List.of()));
        given(formTokens.issue()).willReturn("f0000000-0000-4000-8000-000000000002");
        given(formTokens.once(anyString(), anyString(), anyString(), any())).willAnswer(call -> {
            Supplier<FormTokens.Outcome> submission = call.getArgument(3);
            return submission.get();
        });
    }

    @Test
    @WithMockUser(username = "approver", roles = "APPROVER")
    void aRejectionWithoutAReasonOnTheLinksPageShowsThePageAgainWithTheMessage() throws Exception {
        var page = mvc.perform(post("/approvals/" + LINK)
                        .with(csrf())
                        .param("decision", "REJECT")
                        .param("comment", "  ")
                        .param("formToken", "f0000000-0000-4000-8000-000000000002"))
                .andExpect(status().isOk())
                .andExpect(view().name("approval/confirm"))
                .andExpect(model().attributeHasFieldErrorCode("decisionForm", "comment", "required"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Decide on this request")
                .contains("id=\"error-summary\"")
                .contains("href=\"#comment\"")
                .contains("Give the requester a reason for the rejection")
                .contains("aria-invalid=\"true\"");
        then(approvals).should(never()).decideByLink(anyString(), any(), any(), anyString(), anyString(), any());
    }

    @Test
    @WithMockUser(username = "approver", roles = "APPROVER")
    void aDecisionFromTheRequestPageIsMadeThroughItsFormToken() throws Exception {
        mvc.perform(post("/requests/" + REQUEST + "/decisions")
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("comment", "fine")
                        .param("formToken", "f0000000-0000-4000-8000-000000000003"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/requests/" + REQUEST))
                .andExpect(flash().attribute("notice", "You approved this request."));
        then(formTokens).should().once(eq("approver"), eq("f0000000-0000-4000-8000-000000000003"), eq(""), any());
        then(approvals)
                .should()
                .decide(eq(REQUEST), any(), eq(DecisionOutcome.APPROVE), eq("fine"), any(), anyString(), any());
    }

    @Test
    @WithMockUser(username = "approver", roles = "APPROVER")
    void aDecisionWithoutAnOutcomeGoesBackToTheRequestWithTheMessage() throws Exception {
        mvc.perform(post("/requests/" + REQUEST + "/decisions").with(csrf()).param("comment", "hm"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/requests/" + REQUEST))
                .andExpect(flash().attribute("decisionError", "Choose Approve or Reject"));
        then(approvals).should(never()).decide(any(), any(), any(), anyString(), any(), anyString(), any());
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aPolicyIsRefusedFieldByFieldInTheOrderOfTheForm() throws Exception {
        var result = mvc.perform(post("/admin/policies")
                        .with(csrf())
                        .param("name", "")
                        .param("environment", "MOON")
                        .param("requirements", "team-leads:none"))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/policies"))
                .andExpect(model().attributeHasFieldErrors("form", "name", "environment", "requirements"))
                .andReturn();

        @SuppressWarnings("unchecked")
        var problems = (List<io.vendo.web.FormProblems.Problem>)
                result.getModelAndView().getModel().get("problems");
        assertThat(problems)
                .extracting(io.vendo.web.FormProblems.Problem::fieldId)
                .containsExactly("name", "environment", "requirements");
        then(policies).should(never()).add(any());
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aValidPolicyIsAdded() throws Exception {
        mvc.perform(post("/admin/policies")
                        .with(csrf())
                        .param("name", "prod-web")
                        .param("environment", "PROD")
                        .param("team", "web-team")
                        .param("requirements", "team-leads:1, platform-team")
                        .param("fallbackGroup", "admins"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/policies"));
        then(policies)
                .should()
                .add(new NewPolicy(
                        "prod-web",
                        null,
                        io.vendo.catalog.EnvironmentTier.PROD,
                        "web-team",
                        false,
                        List.of(new Requirement("team-leads", 1), new Requirement("platform-team", 1)),
                        "admins"));
    }
}
