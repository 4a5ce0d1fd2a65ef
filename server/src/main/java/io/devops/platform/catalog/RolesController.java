package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import io.devops.platform.identity.TenantAware;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/roles")
class RolesController {

    private final RoleCatalog catalog;
    private final Roles roles;
    private final Variables variables;

    RolesController(RoleCatalog catalog, Roles roles, Variables variables) {
        this.catalog = catalog;
        this.roles = roles;
        this.variables = variables;
    }

    @GetMapping
    @TenantAware
    PageResult<CatalogRole> list(@RequestParam(required = false) String name,
                                 @RequestParam(defaultValue = "false") boolean withDeleted,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String sort) {
        return roles.page(name, withDeleted, PageQuery.of(page, size, sort, "name,asc"));
    }

    @GetMapping("/{id}")
    @TenantAware
    RoleDetails get(@PathVariable long id) {
        return catalog.details(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RoleDetails create(@Valid @RequestBody NewRole request) {
        return catalog.details(catalog.create(request.name(), request.description(), CatalogRole.CREATED).id());
    }

    /**
     * The role's files as a {@code .tar.gz} in the multipart part {@code file}: they become the role's
     * next version (the same files as the newest add none). The answer proposes the variables the
     * files declare; {@code declare=true} declares those not declared yet. ADMIN only: role files run as root.
     */
    @PostMapping("/{id}/archive")
    @ResponseStatus(HttpStatus.CREATED)
    RoleDetails upload(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
                       @RequestParam(defaultValue = "false") boolean declare,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        try (InputStream in = archive(file)) {
            return catalog.upload(id, in, BasedOn.ifMatch(ifMatch), declare);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code dryRun=true}: what the upload would change (files and variables) and which operators it
     * would break, saving nothing.
     */
    @PostMapping(path = "/{id}/archive", params = "dryRun=true")
    RoleDiff previewUpload(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file) {
        try (InputStream in = archive(file)) {
            return catalog.preview(id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream archive(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "send the role as a .tar.gz in the multipart part 'file'");
        }
        return file.getInputStream();
    }

    /** The versions of the role's files, newest first. */
    @GetMapping("/{id}/versions")
    List<RoleVersion> versions(@PathVariable long id) {
        return catalog.versions(id);
    }

    /** What changed in the role's files from version {@code from} to version {@code to}. */
    @GetMapping("/{id}/versions/{from}/diff/{to}")
    RoleDiff diff(@PathVariable long id, @PathVariable int from, @PathVariable int to) {
        return catalog.diff(id, from, to);
    }

    @GetMapping("/{id}/reports")
    @TenantAware
    List<String> reports(@PathVariable long id) {
        return catalog.details(id).reports();
    }

    /** Replaces the report files the role writes on each node: {@code {"reports": ["/tmp/host_info.md"]}}. */
    @PutMapping("/{id}/reports")
    RoleDetails setReports(@PathVariable long id, @RequestBody RoleReportsRequest request,
                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return catalog.setReports(id, request.reports(), BasedOn.ifMatch(ifMatch));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        catalog.delete(id, BasedOn.ifMatch(ifMatch));
    }

    @GetMapping("/{id}/variables")
    @TenantAware
    List<Variable.View> variables(@PathVariable long id) {
        catalog.role(id);
        return variables.ofRole(id).stream().map(Variable::view).toList();
    }

    @PostMapping("/{id}/variables")
    @ResponseStatus(HttpStatus.CREATED)
    Variable.View addVariable(@PathVariable long id, @RequestBody VariableDraft request,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication caller) {
        TemplatedVariableRule.check(request, caller);
        return catalog.addVariable(id, request.toVariable(id), BasedOn.ifMatch(ifMatch)).view();
    }

    @DeleteMapping("/{id}/variables/{variableId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteVariable(@PathVariable long id, @PathVariable long variableId,
                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        catalog.deleteVariable(id, variableId, BasedOn.ifMatch(ifMatch));
    }

    record RoleReportsRequest(List<String> reports) {
    }

    record NewRole(@NotBlank @Size(max = 64) String name, @Size(max = 500) String description) {
    }
}
