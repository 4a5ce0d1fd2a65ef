package io.devops.platform.catalog;

import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.util.List;
import io.devops.platform.identity.TenantAware;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/shells")
class ShellsController {

    private final ShellCatalog catalog;
    private final Shells shells;

    ShellsController(ShellCatalog catalog, Shells shells) {
        this.catalog = catalog;
        this.shells = shells;
    }

    @GetMapping
    @TenantAware
    PageResult<ShellScript.View> list(@RequestParam(required = false) String name,
                                      @RequestParam(defaultValue = "false") boolean allVersions,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) String sort) {
        return shells.page(name, allVersions, PageQuery.of(page, size, sort, "name,asc")).map(ShellScript::view);
    }

    @GetMapping("/{id}")
    @TenantAware
    ShellScript.View get(@PathVariable long id) {
        return catalog.get(id).view();
    }

    @GetMapping("/{id}/versions")
    @TenantAware
    List<ShellScript.View> versions(@PathVariable long id) {
        return shells.lineage(catalog.get(id).originalShellId()).stream().map(ShellScript::view).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ShellScript.View create(@RequestBody ShellDraft draft) {
        return catalog.create(draft).view();
    }

    @PutMapping("/{id}")
    ShellScript.View update(@PathVariable long id, @RequestBody ShellDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return catalog.update(id, draft, BasedOn.ifMatch(ifMatch)).view();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        catalog.delete(id, BasedOn.ifMatch(ifMatch));
    }
}
