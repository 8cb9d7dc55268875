package io.vendo.audit.web;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.vendo.audit.AuditFilter;
import io.vendo.audit.AuditTrail;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit page's filters alone: what people type is read as they mean it, or shown again with a message. */
@WebMvcTest(
        controllers = AuditPageController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vendo\\.aws\\..*"))
@ActiveProfiles("local")
@WithMockUser(username = "admin", roles = "ADMIN")
class AuditPageSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditTrail auditTrail;

    @Test
    void aPlainDateMeansTheWholeDayInUtc() throws Exception {
        var filter = new AuditFilter(
                "", "approval.", "", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));
        given(auditTrail.search(eq(filter), anyInt())).willReturn(List.of());

        mvc.perform(get("/admin/audit")
                        .param("action", "approval.")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-02"))
                .andExpect(status().isOk())
                .andExpect(model().hasNoErrors());
        then(auditTrail).should().search(eq(filter), anyInt());
    }

    @Test
    void timesItCannotReadAreShownAgainWithWhatToType() throws Exception {
        mvc.perform(get("/admin/audit").param("from", "last tuesday").param("to", "2026-11-01T25:00"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("admin/audit"))
                .andExpect(model().attributeHasFieldErrorCode("filter", "from", "time"))
                .andExpect(model().attributeHasFieldErrorCode("filter", "to", "time"))
                .andExpect(content().string(Matchers.containsString("value=\"last tuesday\"")))
                .andExpect(content()
                        .string(Matchers.containsString("From: Enter a date such as 2026-11-01, or a date and time")));
        then(auditTrail).should(never()).search(org.mockito.ArgumentMatchers.any(), anyInt());
    }

    @Test
    void fromMustComeBeforeTo() throws Exception {
        mvc.perform(get("/admin/audit").param("from", "2026-11-05").param("to", "2026-11-01"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("filter", "to", "order"));
    }
}
