package io.devops.platform.identity;

import io.devops.platform.identity.UserManagement.NewUser;
import io.devops.platform.identity.UserManagement.UserChange;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import io.devops.platform.identity.UserView.TenantRole;
import java.util.List;
import jakarta.validation.constraints.Size;
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

/** User management, for admins only (see {@link SecurityConfig}). */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private final UserManagement management;

    UsersController(UserManagement management) {
        this.management = management;
    }

    @GetMapping
    PageResult<UserView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort) {
        return management.page(PageQuery.of(page, size, sort, "username,asc"));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return management.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@Valid @RequestBody CreateUser request) {
        return management.create(new NewUser(request.username(), request.displayName(), request.password(), request.role(),
                request.tenantRoles()));
    }

    @PutMapping("/{id}")
    UserView update(@PathVariable long id, @Valid @RequestBody UpdateUser request, ExpectedVersion ifMatch) {
        return management.update(id, new UserChange(request.displayName(), request.role(), request.enabled(), request.password(),
                request.tenantRoles()), ifMatch.and(request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        management.delete(id);
    }

    record CreateUser(@NotBlank @Size(max = 64) String username, @Size(max = 128) String displayName,
                      @NotBlank String password, Role role, @Size(max = 1000) List<TenantRole> tenantRoles) {
    }

    /** {@code role} null with {@code tenantRoles}: a tenant user. */
    record UpdateUser(@Size(max = 128) String displayName, Role role, Boolean enabled, String password,
                      @Size(max = 1000) List<TenantRole> tenantRoles, Long version) {
    }
}
