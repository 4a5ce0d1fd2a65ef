package io.devops.platform.inventory;

import io.devops.platform.inventory.NodeRequests.LabelRequest;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
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
@RequestMapping("/api/v1/labels")
class LabelsController {

    private final LabelService labels;

    LabelsController(LabelService labels) {
        this.labels = labels;
    }

    @GetMapping
    PageResult<LabelView> list(@RequestParam(required = false) String key, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return labels.page(key, PageQuery.of(page, size, sort, "key,asc"));
    }

    @GetMapping("/{id}")
    LabelView get(@PathVariable long id) {
        return labels.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LabelView create(@Valid @RequestBody LabelRequest request) {
        return labels.create(request.key(), request.value(), request.description());
    }

    @PutMapping("/{id}")
    LabelView update(@PathVariable long id, @Valid @RequestBody LabelRequest request, ExpectedVersion ifMatch) {
        return labels.update(id, request.key(), request.value(), request.description(), ifMatch.and(request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        labels.delete(id);
    }
}
