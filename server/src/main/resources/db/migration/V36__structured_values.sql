-- Role variables may carry a JSON Schema of their value (list and map variables above all), kept as
-- the JSON text the API received. Values of type SECRET are stored sealed (AES-GCM under the master
-- key) in role_variables.variable_value, never in clear.
ALTER TABLE variables ADD COLUMN value_schema TEXT NULL;
