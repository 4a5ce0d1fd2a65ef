package io.devops.platform.inventory;

import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.devops.platform.identity.TenantAware;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants")
class TenantsController {

    private final TenantService tenants;

    TenantsController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @TenantAware
    PageResult<TenantView> list(@RequestParam(required = false) String name, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return tenants.page(name, PageQuery.of(page, size, sort, "name,asc"));
    }

    @GetMapping("/{id}")
    @TenantAware
    TenantView get(@PathVariable long id) {
        return tenants.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TenantView create(@Valid @RequestBody TenantRequest request) {
        return tenants.create(request.name(), request.description());
    }

    @PutMapping("/{id}")
    TenantView update(@PathVariable long id, @Valid @RequestBody TenantRequest request, ExpectedVersion ifMatch) {
        return tenants.update(id, request.name(), request.description(), ifMatch.and(request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        tenants.delete(id);
    }

    record TenantRequest(String name, @Size(max = 500) String description, Long version) {
    }
}
