@_exported import SMTPYAML
