-- Acceptance: pass lines for the NCCL all_reduce_perf busbw at the largest message size, per GPU
-- model (and optionally GPU count). model_match is a few words that must all be words of the model
-- string nvidia-smi prints (see ThresholdRule). The defaults are the published single-node pass
-- lines (shared reference, gpu-acceptance.md section 2); users edit them through the API.

CREATE TABLE acceptance_thresholds (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(64)   NOT NULL,
    model_match       VARCHAR(100)  NOT NULL,
    gpu_count         INT,
    min_busbw_gbps    DECIMAL(8, 2) NOT NULL,
    min_message_bytes BIGINT        NOT NULL,
    description       VARCHAR(500),
    updated_at        DATETIME(6)   NOT NULL,
    updated_by        VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_acceptance_thresholds_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 8 x H100 SXM: ~480 GB/s with NVLink SHARP, ~370 GB/s ring; Azure's pass line is 460 GB/s (at 16 GiB).
-- 8 x A100 SXM: users report 200-232 GB/s; Azure's pass line is 228 GB/s at 8 GiB.
-- Both ask for a sweep reaching at least 1 GiB, where busbw has levelled off.
INSERT INTO acceptance_thresholds (name, model_match, gpu_count, min_busbw_gbps, min_message_bytes, description, updated_at, updated_by)
VALUES ('8 x H100 SXM', 'H100 HBM3', 8, 460.00, 1073741824,
        'Single node, NVLink; Azure pass line at 16 GiB (about 480 GB/s with NVLink SHARP)', TIMESTAMP '2026-01-01 00:00:00', 'system'),
       ('8 x A100 SXM', 'A100 SXM4', 8, 228.00, 1073741824,
        'Single node, NVLink; Azure pass line at 8 GiB (users report 200-232 GB/s)', TIMESTAMP '2026-01-01 00:00:00', 'system');
