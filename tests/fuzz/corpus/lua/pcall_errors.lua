print(pcall(error, setmetatable({}, {__tostring = function() error("nested") end})))
print(pcall(g.V, nil), pcall(function() return g:V(1, 2, 3) end))
coroutine.wrap(function() g:V():each(function() coroutine.yield() end) end)()
