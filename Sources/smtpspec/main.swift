print("smtpspec")
