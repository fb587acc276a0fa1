-- Issue 10: before spec fields were validated, a kind could be added with a spec field that has no
-- type, an empty or script-like name, or a label of a megabyte; such a row broke the catalogue page
-- for everyone. Kinds holding one are retired (records that name them keep them), the malformed
-- fields are dropped, and labels are cut to the 60 characters the form now allows.
WITH bad AS (
    SELECT code FROM resource_kind k
    WHERE EXISTS (
        SELECT 1 FROM jsonb_array_elements(k.spec_fields) f
        WHERE jsonb_typeof(f) <> 'object'
           OR coalesce(f ->> 'type', '') NOT IN ('INTEGER', 'CHOICE')
           OR coalesce(f ->> 'name', '') !~ '^[a-z][A-Za-z0-9_]{0,39}$'
           OR coalesce(f ->> 'labelZh', '') = '' OR coalesce(f ->> 'labelEn', '') = ''
           OR length(f ->> 'labelZh') > 60 OR length(f ->> 'labelEn') > 60
    )
)
UPDATE resource_kind k
SET retired_at = coalesce(k.retired_at, now()),
    spec_fields = coalesce((
        SELECT jsonb_agg(f || jsonb_build_object('labelZh', left(f ->> 'labelZh', 60),
                                                 'labelEn', left(f ->> 'labelEn', 60)))
        FROM jsonb_array_elements(k.spec_fields) f
        WHERE jsonb_typeof(f) = 'object'
          AND f ->> 'type' IN ('INTEGER', 'CHOICE')
          AND f ->> 'name' ~ '^[a-z][A-Za-z0-9_]{0,39}$'
          AND coalesce(f ->> 'labelZh', '') <> '' AND coalesce(f ->> 'labelEn', '') <> ''
    ), '[]'::jsonb)
FROM bad
WHERE k.code = bad.code;
