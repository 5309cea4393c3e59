print(g:V{label="Person"}:count())
g:V{label="Person"}:outE("VISITED"):order("date"):show()
g:E("VISITED"):project{"官员", "单位", "日期", "原句"}:show()
g:V{label="Organization"}:where(function(v) return v:in_("VISITED"):dedup():count() >= 2 end):show()
