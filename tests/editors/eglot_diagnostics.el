;;; Emacs eglot (batch) as a real LSP client: open $TARGET, connect `resolint server`, wait
;;; for flymake's diagnostics and write them to $OUT, one per line:
;;; "line:column:end_line:end_column TEXT" (1-based lines, 0-based character columns).
(package-initialize)                     ; Debian's elpa-eglot
(require 'eglot)
(require 'flymake)
(setq eglot-sync-connect t eglot-connect-timeout 60)
(add-to-list 'eglot-server-programs
             `(text-mode . (,(getenv "PYTHON") "-m" "resolint" "server" "--stdio")))
(find-file (getenv "TARGET"))
(text-mode)                              ; Emacs 28 has no markdown-mode
(flymake-mode 1)
(apply #'eglot (eglot--guess-contact))   ; eglot-ensure needs a command loop, absent in batch
(flymake-start)
(let ((deadline (+ (float-time) 60)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.1)
    (flymake-start)))
(defun resolint-test--where (pos)
  (save-excursion (goto-char pos) (format "%d:%d" (line-number-at-pos) (current-column))))
(let ((lines (mapcar (lambda (d)
                       (format "%s:%s %s"
                               (resolint-test--where (flymake-diagnostic-beg d))
                               (resolint-test--where (flymake-diagnostic-end d))
                               (flymake-diagnostic-text d)))
                     (flymake-diagnostics (point-min) (point-max)))))
  (with-temp-file (getenv "OUT")
    (insert (format "emacs %s\n" emacs-version))
    (dolist (line lines) (insert line "\n"))))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
