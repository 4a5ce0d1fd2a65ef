package io.devops.platform.job;

import io.devops.platform.identity.TenantAware;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A job's approval rule: read by whoever sees the job, changed by an ADMIN (see SecurityConfig). */
@RestController
@TenantAware
class ApprovalRuleController {

    private final ApprovalRules rules;

    ApprovalRuleController(ApprovalRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/v1/jobs/{id}/approval-rule")
    ApprovalRule get(@PathVariable long id) {
        return rules.visibleRuleOf(id);
    }

    /** {@code {"whenDelivered":true,"aboveNodes":20}}; both off (false, null) removes the rule. */
    @PutMapping("/api/v1/jobs/{id}/approval-rule")
    ApprovalRule set(@PathVariable long id, @RequestBody RuleRequest request) {
        return rules.set(id, new ApprovalRule(Boolean.TRUE.equals(request.whenDelivered()), request.aboveNodes()));
    }

    record RuleRequest(Boolean whenDelivered, Integer aboveNodes) {
    }
}
