-- Neovim (0.7+) as a real LSP client: open $TARGET, attach `resolint server`, wait for its
-- diagnostics and write them to $OUT, one per line:
-- "line:byte_column:end_line:end_byte_column CODE message" (0-based, as vim.diagnostic has them).
local function main()
  local out = os.getenv("OUT")
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("TARGET")))
  local buf = vim.api.nvim_get_current_buf()
  local config = {
    name = "resolint",
    cmd = { os.getenv("PYTHON"), "-m", "resolint", "server", "--stdio" },
    root_dir = vim.fn.getcwd(),
    settings = { resolint = { debounce = 0 } },
  }
  local id
  if vim.lsp.start then id = vim.lsp.start(config, { bufnr = buf })             -- Neovim >= 0.8
  else id = vim.lsp.start_client(config); vim.lsp.buf_attach_client(buf, id) end -- Neovim 0.7
  local ok = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local f = io.open(out, "w")
  local v = vim.version()
  f:write(("nvim %d.%d.%d ok=%s\n"):format(v.major, v.minor, v.patch, tostring(ok)))
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    f:write(("%d:%d:%d:%d %s %s\n"):format(d.lnum, d.col, d.end_lnum, d.end_col, tostring(code), d.message))
  end
  f:close()
  vim.lsp.stop_client(id)
end

local ok, err = pcall(main)
if not ok then io.stderr:write("nvim_diagnostics.lua: " .. tostring(err) .. "\n") end
vim.cmd(ok and "qa!" or "cq!")
