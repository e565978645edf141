variable "name" {
  description = "Name of the user pool."
  type        = string
}

variable "domain_prefix" {
  description = "Prefix of the hosted UI domain (<prefix>.auth.<region>.amazoncognito.com); globally unique per region."
  type        = string
}

variable "callback_urls" {
  description = "Redirect (and sign-out) URLs of the web page, e.g. https://personas.example.com/."
  type        = list(string)
}

variable "self_sign_up" {
  description = "Let anyone create an account on the hosted UI (false: only an operator creates accounts)."
  type        = bool
  default     = false
}
