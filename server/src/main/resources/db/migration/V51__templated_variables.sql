-- A variable whose value Ansible templates ("{{ ansible_hostname }}"): declared so only by an ADMIN.
-- Every other value reaches the role !unsafe, written literally.
ALTER TABLE variables ADD templated BOOLEAN DEFAULT FALSE NOT NULL;
