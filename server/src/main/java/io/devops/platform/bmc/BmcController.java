package io.devops.platform.bmc;

import io.devops.platform.identity.TenantAware;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A node's BMC. Reading is tenant-aware (its tenant's members see it, without the password); setting
 * and removing it is the operations team's: the BMC logs in with a platform credential, and whoever
 * chooses the address it is sent to could collect that login.
 */
@RestController
@RequestMapping("/api/v1/nodes/{nodeId}/bmc")
class BmcController {

    private final BmcService bmcs;

    BmcController(BmcService bmcs) {
        this.bmcs = bmcs;
    }

    @GetMapping
    @TenantAware
    BmcView get(@PathVariable long nodeId) {
        return bmcs.get(nodeId);
    }

    @PutMapping
    BmcView put(@PathVariable long nodeId, @Valid @RequestBody BmcRequest request) {
        return bmcs.put(nodeId, request);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long nodeId) {
        bmcs.delete(nodeId);
    }
}
