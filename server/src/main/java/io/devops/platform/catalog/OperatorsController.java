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
@RequestMapping("/api/v1/operators")
class OperatorsController {

    private final OperatorCatalog operators;

    OperatorsController(OperatorCatalog operators) {
        this.operators = operators;
    }

    /** The latest version of each operator; {@code allVersions=true} adds old and deleted versions. */
    @GetMapping
    @TenantAware
    PageResult<Operator> list(@RequestParam(required = false) String name, @RequestParam(required = false) Long roleId,
                              @RequestParam(defaultValue = "false") boolean allVersions,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort) {
        return operators.page(name, roleId, allVersions, PageQuery.of(page, size, sort, "name,asc"));
    }

    @GetMapping("/{id}")
    @TenantAware
    Operator get(@PathVariable long id) {
        return operators.get(id);
    }

    @GetMapping("/{id}/versions")
    @TenantAware
    List<Operator> versions(@PathVariable long id) {
        return operators.lineage(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Operator create(@RequestBody OperatorDraft draft) {
        return operators.create(draft);
    }

    @PutMapping("/{id}")
    Operator update(@PathVariable long id, @RequestBody OperatorDraft draft,
                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return operators.update(id, draft, BasedOn.ifMatch(ifMatch));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        operators.delete(id, BasedOn.ifMatch(ifMatch));
    }
}
