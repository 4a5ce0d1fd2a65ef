-- Catalog: roles and their variables, value sets per package version, operators, shells and
-- templates (all versioned: an edit inserts a new row; original_*_id ties a lineage), and the
-- tasks a template version compiles into. Compiled tasks are never edited, so they need no lineage.

CREATE TABLE roles (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(500),
    source      VARCHAR(16)  NOT NULL,
    is_deleted  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(6),
    updated_by  VARCHAR(64),
    CONSTRAINT uk_roles_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- choices: the allowed values of a 'choice' variable, one a line.
CREATE TABLE variables (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    role_id       BIGINT       NOT NULL,
    var_name      VARCHAR(64)  NOT NULL,
    action_type   VARCHAR(32)  NOT NULL,
    var_type      VARCHAR(16)  NOT NULL,
    choices       TEXT,
    is_required   BOOLEAN      NOT NULL DEFAULT FALSE,
    default_value TEXT,
    description   VARCHAR(500),
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_variables_role_name UNIQUE (role_id, var_name),
    CONSTRAINT fk_variables_role FOREIGN KEY (role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A versioned set of values for one role and package version ('' when the role has none).
CREATE TABLE value_sets (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    role_id     BIGINT       NOT NULL,
    pkg_version VARCHAR(64)  NOT NULL,
    version     INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_value_sets_version UNIQUE (role_id, pkg_version, version),
    CONSTRAINT fk_value_sets_role FOREIGN KEY (role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_variables (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    value_set_id   BIGINT NOT NULL,
    variable_id    BIGINT NOT NULL,
    variable_value TEXT   NOT NULL,
    CONSTRAINT uk_role_variables UNIQUE (value_set_id, variable_id),
    CONSTRAINT fk_role_variables_set FOREIGN KEY (value_set_id) REFERENCES value_sets (id),
    CONSTRAINT fk_role_variables_variable FOREIGN KEY (variable_id) REFERENCES variables (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_role_variables_variable ON role_variables (variable_id);

CREATE TABLE operators (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(128) NOT NULL,
    role_id         BIGINT       NOT NULL,
    pkg_version     VARCHAR(64)  NOT NULL,
    value_set_id    BIGINT       NOT NULL,
    opt_version     INT          NOT NULL,
    original_opt_id BIGINT,
    is_latest       BOOLEAN      NOT NULL,
    is_deleted      BOOLEAN      NOT NULL DEFAULT FALSE,
    description     VARCHAR(500),
    created_at      DATETIME(6)  NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      DATETIME(6),
    updated_by      VARCHAR(64),
    CONSTRAINT uk_operators_version UNIQUE (original_opt_id, opt_version),
    CONSTRAINT fk_operators_role FOREIGN KEY (role_id) REFERENCES roles (id),
    CONSTRAINT fk_operators_value_set FOREIGN KEY (value_set_id) REFERENCES value_sets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_operators_role ON operators (role_id);
CREATE INDEX ix_operators_latest ON operators (is_latest, is_deleted, id);

CREATE TABLE shells (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(128) NOT NULL,
    description       VARCHAR(500),
    shell_template    TEXT         NOT NULL,
    dispatch          VARCHAR(16)  NOT NULL,
    version           INT          NOT NULL,
    original_shell_id BIGINT,
    is_latest         BOOLEAN      NOT NULL,
    is_deleted        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        DATETIME(6)  NOT NULL,
    created_by        VARCHAR(64)  NOT NULL,
    updated_at        DATETIME(6),
    updated_by        VARCHAR(64),
    CONSTRAINT uk_shells_version UNIQUE (original_shell_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_shells_latest ON shells (is_latest, is_deleted, id);

CREATE TABLE shell_parameters (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    shell_id      BIGINT       NOT NULL,
    sequence      INT          NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    param_type    VARCHAR(16)  NOT NULL,
    pattern       VARCHAR(500) NOT NULL,
    is_required   BOOLEAN      NOT NULL,
    default_value TEXT,
    description   VARCHAR(500),
    CONSTRAINT uk_shell_parameters_name UNIQUE (shell_id, name),
    CONSTRAINT fk_shell_parameters_shell FOREIGN KEY (shell_id) REFERENCES shells (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE shell_reports (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    shell_id BIGINT        NOT NULL,
    sequence INT           NOT NULL,
    path     VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_shell_reports_shell FOREIGN KEY (shell_id) REFERENCES shells (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_shell_reports_shell ON shell_reports (shell_id, sequence);

CREATE TABLE templates (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(128) NOT NULL,
    description          VARCHAR(500),
    version              INT          NOT NULL,
    original_template_id BIGINT,
    is_latest            BOOLEAN      NOT NULL,
    is_deleted           BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(6)  NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    updated_at           DATETIME(6),
    updated_by           VARCHAR(64),
    CONSTRAINT uk_templates_version UNIQUE (original_template_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_templates_latest ON templates (is_latest, is_deleted, id);

-- What the user composed: operator steps and script steps, in order.
CREATE TABLE template_steps (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    template_id BIGINT      NOT NULL,
    sequence    INT         NOT NULL,
    step_type   VARCHAR(16) NOT NULL,
    operator_id BIGINT,
    shell_id    BIGINT,
    dispatch    VARCHAR(16),
    CONSTRAINT uk_template_steps_sequence UNIQUE (template_id, sequence),
    CONSTRAINT fk_template_steps_template FOREIGN KEY (template_id) REFERENCES templates (id),
    CONSTRAINT fk_template_steps_operator FOREIGN KEY (operator_id) REFERENCES operators (id),
    CONSTRAINT fk_template_steps_shell FOREIGN KEY (shell_id) REFERENCES shells (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_template_steps_operator ON template_steps (operator_id);
CREATE INDEX ix_template_steps_shell ON template_steps (shell_id);

CREATE TABLE template_step_params (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    step_id     BIGINT      NOT NULL,
    name        VARCHAR(64) NOT NULL,
    param_value TEXT        NOT NULL,
    CONSTRAINT uk_template_step_params UNIQUE (step_id, name),
    CONSTRAINT fk_template_step_params_step FOREIGN KEY (step_id) REFERENCES template_steps (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Compiled tasks: one generated playbook per run of consecutive operator steps.
CREATE TABLE playbook_tasks (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    playbook_script TEXT        NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    created_by      VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE task_operators (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    playbook_task_id BIGINT NOT NULL,
    operator_id      BIGINT NOT NULL,
    sequence         INT    NOT NULL,
    CONSTRAINT uk_task_operators_sequence UNIQUE (playbook_task_id, sequence),
    CONSTRAINT fk_task_operators_task FOREIGN KEY (playbook_task_id) REFERENCES playbook_tasks (id),
    CONSTRAINT fk_task_operators_operator FOREIGN KEY (operator_id) REFERENCES operators (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_task_operators_operator ON task_operators (operator_id);

-- content: the exact command, parameters substituted and quoted; reports: one path a line.
CREATE TABLE shell_tasks (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    shell_id   BIGINT      NOT NULL,
    content    TEXT        NOT NULL,
    reports    TEXT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    CONSTRAINT fk_shell_tasks_shell FOREIGN KEY (shell_id) REFERENCES shells (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_shell_tasks_shell ON shell_tasks (shell_id);

-- first_step/last_step map a task back to the template steps it came from.
CREATE TABLE template_tasks (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    template_id      BIGINT      NOT NULL,
    sequence         INT         NOT NULL,
    task_type        VARCHAR(16) NOT NULL,
    dispatch         VARCHAR(16) NOT NULL,
    playbook_task_id BIGINT,
    shell_task_id    BIGINT,
    first_step       INT         NOT NULL,
    last_step        INT         NOT NULL,
    CONSTRAINT uk_template_tasks_sequence UNIQUE (template_id, sequence),
    CONSTRAINT fk_template_tasks_template FOREIGN KEY (template_id) REFERENCES templates (id),
    CONSTRAINT fk_template_tasks_playbook FOREIGN KEY (playbook_task_id) REFERENCES playbook_tasks (id),
    CONSTRAINT fk_template_tasks_shell FOREIGN KEY (shell_task_id) REFERENCES shell_tasks (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
